using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Administration;

/// <summary>
/// <c>/api/admin</c>: the directory's administration (described at <c>/openapi/v1.json</c>; callers need the
/// <see cref="GatewayPolicies.Administrator"/> policy, e.g. an admin token). Every change runs
/// through <see cref="DirectoryCache.ChangeAsync"/>: validated as a whole, audited with the caller's name as actor,
/// and seen by every gateway node within a second. "Delete" retires participants, systems, certificates and types
/// (history refers to them) and removes providers and permissions.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").WithTags("Directory administration").RequireAuthorization(GatewayPolicies.Administrator);

        admin.MapGet("/directory", (DirectoryCache directory) => DirectoryDocument.From(directory.Current.Content))
            .WithSummary("Export the whole directory as one reviewable JSON document (certificates inline as PEM).");
        admin.MapPut("/directory", (DirectoryDocument document, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, _ => document.ToContent(baseDirectory: null), ct))
            .WithSummary("Import a directory document: the directory becomes what it says; what it leaves out is retired or removed.");

        admin.MapGet("/participants", (DirectoryCache directory) => directory.Current.Content.Participants);
        admin.MapPut("/participants/{mnemonic}", (string mnemonic, ParticipantRequest body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with
                {
                    Participants = Put(c.Participants, p => p.Mnemonic == mnemonic, new Participant(mnemonic, body.Name, body.Level, body.Parent)),
                }, ct))
            .WithSummary("Add or change a participant (a retired one is reinstated).");
        admin.MapDelete("/participants/{mnemonic}", (string mnemonic, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with { Participants = Remove(c.Participants, p => p.Mnemonic == mnemonic, $"participant {mnemonic}") }, ct))
            .WithSummary("Retire a participant: its systems can no longer call, nothing is routed to it.");

        admin.MapPut("/systems/{mnemonic}", (string mnemonic, SystemRequest body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with
                {
                    Systems = Put(c.Systems, s => s.Mnemonic == mnemonic, new InformationSystem(mnemonic, body.Participant, body.Name)),
                }, ct))
            .WithSummary("Add or change an information system of a participant.");
        admin.MapDelete("/systems/{mnemonic}", (string mnemonic, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with { Systems = Remove(c.Systems, s => s.Mnemonic == mnemonic, $"information system {mnemonic}") }, ct))
            .WithSummary("Retire an information system: its certificates no longer identify anyone.");

        admin.MapPost("/systems/{mnemonic}/certificates", (string mnemonic, CertificateRequest body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c =>
                {
                    var certificate = DirectoryDocument.Certificate(System.Text.Encoding.ASCII.GetBytes(
                        body.Pem ?? throw new InvalidDataException("The certificate is missing: send it as 'pem'.")), mnemonic);
                    return c with { Certificates = Put(c.Certificates, x => x.Thumbprint == certificate.Thumbprint, certificate) };
                }, ct))
            .WithSummary("Register a certificate (PEM) for a system; several may be valid at once while a key is rolled over.");
        admin.MapApiTokenAdministration();
        admin.MapUserAdministration();
        admin.MapDelete("/certificates/{thumbprint}", (string thumbprint, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with
                {
                    Certificates = Remove(c.Certificates, x => x.Thumbprint.Equals(thumbprint, StringComparison.OrdinalIgnoreCase), $"certificate {thumbprint}"),
                }, ct))
            .WithSummary("Retire a certificate (revoked, or replaced after a rollover): refused from the next call on, on every node.");

        admin.MapGet("/types", (DirectoryCache directory) => directory.Current.Content.Types);
        admin.MapPut("/types", (DirectoryDocument.TypeEntry body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c =>
                {
                    var type = new DirectoryDocument { Types = [body] }.ToContent(null).Types[0];
                    return c with { Types = Put(c.Types, t => t.Is(type.NamespaceUri, type.RootElement), type) };
                }, ct))
            .WithSummary("Add or change a business message type (its XSD ships in schemas/business).");
        admin.MapDelete("/types", (string namespaceUri, string rootElement, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with { Types = Remove(c.Types, t => t.Is(namespaceUri, rootElement), $"type {{{namespaceUri}}}{rootElement}") }, ct))
            .WithSummary("Retire a message type: requests of it are refused.");

        admin.MapGet("/providers", (DirectoryCache directory) => directory.Current.Content.Providers);
        admin.MapPost("/providers", (DirectoryDocument.ProviderEntry body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c =>
                {
                    var provider = new TypeProvider(body.NamespaceUri, body.RootElement, body.Territory, body.Provider);
                    return c with { Providers = Put(c.Providers, p => p with { Provider = provider.Provider } == provider, provider) };
                }, ct))
            .WithSummary("Make a participant the provider of a type for a territory (none: the whole region), replacing the previous one.");
        admin.MapDelete("/providers", (string namespaceUri, string rootElement, string? territory, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c => c with
                {
                    Providers = Remove(c.Providers, p => p.NamespaceUri == namespaceUri && p.RootElement == rootElement && p.Territory == territory,
                        $"provider of {{{namespaceUri}}}{rootElement} for {territory ?? "the region"}"),
                }, ct));

        admin.MapGet("/permissions", (DirectoryCache directory) => directory.Current.Content.Permissions);
        admin.MapPost("/permissions", (DirectoryDocument.PermissionEntry body, HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c =>
                {
                    var permission = new Permission(body.Sender, body.NamespaceUri, body.RootElement, body.Recipients, body.Recipient);
                    return c with { Permissions = Put(c.Permissions, p => p == permission, permission) };
                }, ct))
            .WithSummary("Let a sender (none: anyone) send a type to its provider, to anyone named, or to one participant.");
        admin.MapDelete("/permissions", (string namespaceUri, string rootElement, string? sender, PermittedRecipients recipients, string? recipient,
                HttpContext http, DirectoryCache directory, CancellationToken ct) =>
                ChangeAsync(http, directory, c =>
                {
                    var permission = new Permission(sender, namespaceUri, rootElement, recipients, recipient);
                    return c with { Permissions = Remove(c.Permissions, p => p == permission, $"permission {permission}") };
                }, ct));

        admin.MapGet("/audit", async (DirectoryStore store, string? entity, string? key, int? limit, CancellationToken ct) =>
                (await store.AuditAsync(Math.Clamp(limit ?? 100, 1, 1000), entity, key, ct)).Select(AuditEntry.Of))
            .WithSummary("The latest directory changes, newest first: who, when, before and after.");
        return endpoints;
    }

    public sealed record ParticipantRequest(string Name, ParticipantLevel Level, string? Parent);

    public sealed record SystemRequest(string Participant, string Name);

    public sealed record CertificateRequest(string Pem);

    public sealed record ChangeResult(int Count, IReadOnlyList<AuditEntry> Changes);

    /// <summary>An audited change with the entry before and after as JSON objects (null: did not exist).</summary>
    public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Entity, string Key, JsonElement? Before, JsonElement? After)
    {
        public static AuditEntry Of(DirectoryChange change) => new(change.Id, change.At, change.Actor, change.Entity, change.Key,
            Parse(change.Before), Parse(change.After));

        private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    private static Task<IResult> ChangeAsync(HttpContext http, DirectoryCache directory, Func<DirectoryContent, DirectoryContent> change,
        CancellationToken cancellationToken) =>
        AnswerAsync(async () =>
        {
            var changes = await directory.ChangeAsync(Actor(http), change, cancellationToken);
            return Results.Ok(new ChangeResult(changes.Count, [.. changes.Select(AuditEntry.Of)]));
        }, http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminApi)));

    /// <summary>Who makes an administrative change, as the audit records it: the admin token's holder or the console user.</summary>
    internal static string Actor(HttpContext http) => http.User.Identity?.Name
        ?? throw new InvalidOperationException("An administrative endpoint was reached without an authenticated caller.");

    /// <summary>
    /// Runs an administrative action, answering the directory's refusals with problem responses that say why; refused
    /// input is logged when a <paramref name="logger"/> is given.
    /// </summary>
    internal static async Task<IResult> AnswerAsync(Func<Task<IResult>> action, ILogger? logger = null)
    {
        try
        {
            return await action();
        }
        catch (DirectoryValidationException e)
        {
            LogRefusal(logger, e);
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. e.Problems] },
                title: "The directory would be inconsistent; nothing was changed.");
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not in the directory", detail: e.Message);
        }
        catch (RetiredEntryException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Retired in the directory", detail: e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or System.Security.Cryptography.CryptographicException)
        {
            LogRefusal(logger, e);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable directory entry", detail: e.Message);
        }
    }

    private static void LogRefusal(ILogger? logger, Exception refusal)
    {
        if (logger is not null)
        {
            Log.AdminChangeRefused(logger, refusal.Message);
        }
    }

    private static List<T> Put<T>(IEnumerable<T> entries, Func<T, bool> replaces, T entry) =>
        [.. entries.Where(e => !replaces(e)), entry];

    private static List<T> Remove<T>(IReadOnlyList<T> entries, Func<T, bool> matches, string what) =>
        entries.Any(matches) ? [.. entries.Where(e => !matches(e))] : throw new KeyNotFoundException($"There is no {what}.");
}
