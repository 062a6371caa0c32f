using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exchange.Adapters.Edms.Tests;

public sealed class EdmsApiTests(EdmsFixture edms) : IClassFixture<EdmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Signer = new { surname = "Соколов", givenName = "Андрей", position = "Глава администрации" };

    [Fact]
    public async Task a_call_without_the_api_key_is_refused_with_problem_details()
    {
        using var anonymous = new HttpClient { BaseAddress = edms.Http.BaseAddress };

        using var response = await anonymous.GetAsync("/api/journals", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_journals_are_listed()
    {
        var journals = await edms.Http.GetFromJsonAsync<JsonArray>("/api/journals", Ct);

        Assert.Superset(new HashSet<string> { "01-15", "01-16", "02-01", "03-01" }, journals!.Select(j => (string)j!["code"]!).ToHashSet());
    }

    [Fact]
    public async Task a_letter_with_invalid_fields_is_refused_naming_each_field()
    {
        using var response = await edms.Http.PostAsJsonAsync("/api/letters", new
        {
            to = "lo kit",
            subject = " ",
            signer = new { surname = "Sokolov1", givenName = "Андрей" },
            files = new[] { new { name = "scan.pdf", mimeType = "pdf", content = "not base64!" } },
        }, Ct);

        var errors = await ErrorsAsync(response);
        Assert.Equal(["addresseeName", "files[0].content", "files[0].mimeType", "signer.position", "signer.surname", "subject", "text", "to"],
            errors.Order());
    }

    [Fact]
    public async Task a_letter_whose_text_holds_a_control_character_is_refused_naming_the_fields()
    {
        using var response = await edms.Http.PostAsJsonAsync("/api/letters", new
        {
            to = "LO_KIT",
            addresseeName = "Комитет",
            subject = "bell \u0001",
            text = "nul \u0000 inside",
            signer = Signer,
        }, Ct);

        Assert.Equal(["subject", "text"], (await ErrorsAsync(response)).Order());
    }

    [Fact]
    public async Task a_body_of_the_wrong_json_shape_is_refused_naming_where_it_broke()
    {
        using var wrongType = await edms.Http.PostAsync("/api/letters",
            new StringContent("""{"to": "LO_KIT", "signer": {"surname": 5}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        using var notJson = await edms.Http.PostAsync("/api/letters", new StringContent("{to", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(["signer.surname"], await ErrorsAsync(wrongType));
        Assert.Equal(["body"], await ErrorsAsync(notJson));
    }

    [Fact]
    public async Task a_search_with_a_bad_number_time_and_limit_names_each()
    {
        using var response = await edms.Http.GetAsync("/api/documents?number=abc&from=yesterday&limit=0", Ct);

        Assert.Equal(["from", "limit", "number"], (await ErrorsAsync(response)).Order());
    }

    [Fact]
    public async Task a_letter_is_registered_and_sent_and_its_file_downloaded()
    {
        var scan = "Скан подписанного письма"u8.ToArray();
        using var response = await edms.Http.PostAsJsonAsync("/api/letters", new
        {
            to = "LO_KIT",
            addresseeName = "Комитет по телекоммуникациям и информатизации",
            subject = "О подключении архива",
            text = "Просим подключить муниципальный архив.",
            answerDeadline = "2026-12-25",
            signer = Signer,
            files = new[] { new { name = "скан.pdf", mimeType = "application/pdf", content = Convert.ToBase64String(scan) } },
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var letter = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.StartsWith("01-16/", (string)letter["number"]!);
        Assert.Equal($"/api/documents/{letter["number"]}", response.Headers.Location!.OriginalString);
        var queued = (await edms.OutboxEntryAsync(Guid.Parse((string)letter["messageId"]!), Ct))!.Value;
        Assert.Equal(("request", "LO_KIT", 1), (queued.Operation, queued.Recipient, queued.Attachments));
        Assert.Contains($"<SenderRegistration><c:Number>{letter["number"]}</c:Number>", queued.Content);
        Assert.Contains("<AnswerDeadline>2026-12-25</AnswerDeadline>", queued.Content);
        EdmsFixture.SchemaValid(queued.Content, Domain.Business.BusinessTypes.OfficialLetter);

        var file = letter["files"]![0]!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)), (string)file["sha256"]!);
        Assert.Equal(scan, await edms.Http.GetByteArrayAsync((string)file["href"]!, Ct));
    }

    [Fact]
    public async Task an_appeal_is_assigned_answered_and_a_second_answer_is_a_conflict()
    {
        var request = Received.Request(BusinessDocuments.Appeal("Прошу установить остановку."));
        await edms.Handler.HandleRequestAsync(request, Ct);
        var number = (await edms.DocumentOfAsync(request.MessageId, Ct)).Number;
        var path = $"/api/documents/{number.Journal}/{number.Number}";

        using var assigned = await edms.Http.PutAsJsonAsync($"{path}/control", new { executor = "Сидорова", dueAt = "2026-11-12T18:00:00+03:00" }, Ct);
        var overdue = await edms.Http.GetFromJsonAsync<JsonArray>("/api/control/overdue?at=2026-11-13T00:00:00%2B03:00", Ct);
        var answer = new { outcome = "supported", text = "Остановка будет установлена.", answeredBy = Signer };
        using var answered = await edms.Http.PostAsJsonAsync($"/api/appeals/{number.Journal}/{number.Number}/answer", answer, Ct);
        using var again = await edms.Http.PostAsJsonAsync($"/api/appeals/{number.Journal}/{number.Number}/answer", answer, Ct);
        var appeal = (await edms.Http.GetFromJsonAsync<JsonObject>(path, Ct))!;

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Contains(overdue!, card => (string)card!["number"]! == number.ToString() && (string)card["executor"]! == "Сидорова");
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(appeal["control"]!["closedAt"]);
        Assert.False((bool)appeal["control"]!["overdue"]!);
    }

    [Fact]
    public async Task an_answer_with_invalid_fields_and_a_missing_document_are_problems()
    {
        using var invalid = await edms.Http.PostAsJsonAsync("/api/appeals/02-01/1/answer", new { outcome = "maybe", text = "" }, Ct);
        using var missing = await edms.Http.GetAsync("/api/documents/02-01/999999", Ct);
        using var control = await edms.Http.PutAsJsonAsync("/api/documents/02-01/1/control", new { executor = "", dueAt = "tomorrow" }, Ct);

        Assert.Equal(["answeredBy", "outcome", "text"], (await ErrorsAsync(invalid)).Order());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["dueAt", "executor"], (await ErrorsAsync(control)).Order());
    }

    [Fact]
    public async Task the_openapi_document_lists_every_operation()
    {
        using var anonymous = new HttpClient { BaseAddress = edms.Http.BaseAddress };

        var paths = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!["paths"]!.AsObject();

        var operations = paths.SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"));
        Assert.Superset(new HashSet<string>
        {
            "GET /api/journals",
            "GET /api/documents",
            "GET /api/documents/{journal}/{number}",
            "GET /api/documents/{journal}/{number}/files/{fileId}",
            "PUT /api/documents/{journal}/{number}/control",
            "GET /api/control/overdue",
            "POST /api/letters",
            "POST /api/appeals/{journal}/{number}/answer",
        }, operations.ToHashSet());
    }

    private static async Task<string[]> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return problem!["errors"]!.AsObject().Select(e => e.Key).ToArray();
    }
}
