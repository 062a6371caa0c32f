using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Registration;
using Exchange.Adapters.Edms.Storage;

namespace Exchange.Adapters.Edms.Api;

/// <summary>
/// <c>/api</c>: the EDMS's JSON API (described at <c>/openapi/v1.json</c>). Every call sends the API key in
/// <c>X-Api-Key</c>; every bad input is answered with RFC 9457 problem details naming the field.
/// </summary>
public static class EdmsApi
{
    public static string DocumentPath(RegistrationNumber number) => $"/api/documents/{number.Journal}/{number.Number}";

    public static IEndpointRouteBuilder MapEdmsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/journals", (JournalStore journals, CancellationToken ct) => journals.ListAsync(ct))
            .WithTags("Journals").WithSummary("The registration journals and the last number each gave out.");

        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", SearchAsync)
            .WithSummary("Find documents by registration number, sender (mnemonic or part of the name), registration time [from, to) and text (Russian word forms match).")
            .Produces<IEnumerable<DocumentSummary>>().ProducesValidationProblem();
        documents.MapGet("/{journal}/{number:int}", GetAsync)
            .WithSummary("A document with its files, control card and the receipts or answers that came back for it.")
            .Produces<DocumentView>().ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapGet("/{journal}/{number:int}/files/{fileId:long}", DownloadAsync)
            .WithSummary("Download a file of a document.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/documents/{journal}/{number:int}/control", AssignAsync).WithTags("Control")
            .WithSummary("Assign an executor and a due date to a document's control card.")
            .Produces<ControlView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/control/overdue", OverdueAsync).WithTags("Control")
            .WithSummary("Control cards open and past due at a time (now when not given), the longest overdue first.")
            .Produces<IEnumerable<ControlView>>().ProducesValidationProblem();

        api.MapPost("/letters", SendLetterAsync).WithTags("Correspondence")
            .WithSummary("Register an outgoing official letter in journal 01-16 and send it through the exchange.")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPost("/appeals/{journal}/{number:int}/answer", AnswerAppealAsync).WithTags("Appeals")
            .WithSummary("Answer a citizen's appeal: the answer is registered in 01-16, sent to the requester, and the appeal's control card closed.")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> SearchAsync(string? number, string? sender, string? from, string? to, string? text, int? limit,
        DocumentSearch search, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = new DocumentQuery(errors.Number("number", number), string.IsNullOrWhiteSpace(sender) ? null : sender.Trim(),
            errors.Time("from", from), errors.Time("to", to), string.IsNullOrWhiteSpace(text) ? null : text, errors.Limit("limit", limit, 50, 500));
        if (query.From > query.To)
        {
            errors.Add("to", "Must not be before 'from'.");
        }
        if (errors.Any)
        {
            return errors.Problem();
        }
        return TypedResults.Ok((await search.FindAsync(query, ct)).Select(DocumentSummary.Of));
    }

    private static async Task<IResult> GetAsync(string journal, int number, DocumentStore documents, TimeProvider time, CancellationToken ct)
    {
        var registration = new RegistrationNumber(journal, number);
        var document = await documents.GetAsync(registration, ct) ?? throw EdmsRefusal.NotFound($"document {registration}");
        return TypedResults.Ok(DocumentView.Of(document, time.GetUtcNow()));
    }

    private static async Task<IResult> DownloadAsync(string journal, int number, long fileId, DocumentStore documents, CancellationToken ct)
    {
        var registration = new RegistrationNumber(journal, number);
        var (file, content) = await documents.FileAsync(registration, fileId, ct) ?? throw EdmsRefusal.NotFound($"file {fileId} of {registration}");
        return TypedResults.File(content, file.MimeType, file.Name);
    }

    private static async Task<IResult> AssignAsync(string journal, int number, ControlRequest body, ControlStore control, TimeProvider time,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (executor, dueAt) = body.Read(errors);
        if (errors.Any)
        {
            return errors.Problem();
        }
        var registration = new RegistrationNumber(journal, number);
        var card = await control.AssignAsync(registration, executor, dueAt, ct) ?? throw EdmsRefusal.NotFound($"control card of {registration}");
        return TypedResults.Ok(ControlView.Of(card, time.GetUtcNow()));
    }

    private static async Task<IResult> OverdueAsync(string? at, int? limit, ControlStore control, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var when = errors.Time("at", at) ?? time.GetUtcNow();
        var count = errors.Limit("limit", limit, 100, 1000);
        if (errors.Any)
        {
            return errors.Problem();
        }
        return TypedResults.Ok((await control.OverdueAsync(when, count, ct)).Select(card => ControlView.Of(card, when)));
    }

    private static async Task<IResult> SendLetterAsync(LetterRequest body, OutgoingLetters letters, DocumentStore documents, TimeProvider time,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var letter = body.Read(errors);
        if (errors.Any)
        {
            return errors.Problem();
        }
        return await CreatedAsync(await letters.SendAsync(letter, ct), documents, time, ct);
    }

    private static async Task<IResult> AnswerAppealAsync(string journal, int number, AnswerRequest body, AppealAnswers answers,
        DocumentStore documents, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var answer = body.Read(errors);
        if (errors.Any)
        {
            return errors.Problem();
        }
        return await CreatedAsync(await answers.AnswerAsync(new RegistrationNumber(journal, number), answer, ct), documents, time, ct);
    }

    private static async Task<IResult> CreatedAsync(RegisteredDocument registered, DocumentStore documents, TimeProvider time, CancellationToken ct)
    {
        var document = await documents.GetAsync(registered.Number, ct)
            ?? throw new InvalidOperationException($"{registered.Number} was registered and is gone.");
        return TypedResults.Created(DocumentPath(registered.Number), DocumentView.Of(document, time.GetUtcNow()));
    }
}
