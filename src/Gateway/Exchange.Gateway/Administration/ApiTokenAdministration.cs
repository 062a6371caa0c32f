using Exchange.Domain.Directory;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Administration;

/// <summary>
/// The admin API's calls for API tokens (part of <see cref="AdminApi"/>): issue one to an information system for the
/// participant API, list a system's tokens, retire one. A token's secret is in the answer to its issue and nowhere else.
/// </summary>
public static class ApiTokenAdministration
{
    public static RouteGroupBuilder MapApiTokenAdministration(this RouteGroupBuilder admin)
    {
        admin.MapPost("/systems/{mnemonic}/api-tokens", (string mnemonic, ApiTokenRequest? body, HttpContext http, ApiTokenStore tokens,
                ILoggerFactory loggers, CancellationToken cancellationToken) =>
                AdminApi.AnswerAsync(async () =>
                {
                    var actor = AdminApi.Actor(http);
                    var issued = await tokens.IssueAsync(mnemonic, body?.Label, actor, cancellationToken);
                    Log.ApiTokenIssued(Logger(loggers), issued.Token.Id, mnemonic, actor);
                    return Results.Created($"/api/admin/systems/{mnemonic}/api-tokens", IssuedApiTokenView.Of(issued));
                }))
            .WithSummary("Issue an API token to an active information system, for the participant API. The token is in this answer only: the gateway keeps its hash.")
            .Produces<IssuedApiTokenView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/systems/{mnemonic}/api-tokens", (string mnemonic, DirectoryCache directory, ApiTokenStore tokens, CancellationToken cancellationToken) =>
                AdminApi.AnswerAsync(async () => directory.Current.System(mnemonic) is null
                    ? throw new KeyNotFoundException($"There is no information system {mnemonic}.")
                    : Results.Ok(await tokens.ListAsync(mnemonic, cancellationToken))))
            .WithSummary("A system's API tokens, retired ones included, without their secrets.")
            .Produces<IReadOnlyList<ApiToken>>();
        admin.MapDelete("/api-tokens/{id:long}", (long id, HttpContext http, ApiTokenStore tokens, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                AdminApi.AnswerAsync(async () =>
                {
                    var actor = AdminApi.Actor(http);
                    var token = await tokens.RetireAsync(id, actor, cancellationToken) ?? throw new KeyNotFoundException($"There is no API token {id}.");
                    Log.ApiTokenRetired(Logger(loggers), id, token.System, actor);
                    return Results.Ok(token);
                }))
            .WithSummary("Retire an API token: refused from the next call on, on every node.")
            .Produces<ApiToken>();
        return admin;
    }

    /// <param name="Label">A note for administrators: whose front end or server holds the token.</param>
    public sealed record ApiTokenRequest(string? Label);

    /// <param name="Token">The secret to configure in the caller; shown this once.</param>
    public sealed record IssuedApiTokenView(long Id, string System, string Token, string? Label, DateTimeOffset CreatedAt)
    {
        public static IssuedApiTokenView Of(IssuedApiToken issued) =>
            new(issued.Token.Id, issued.Token.System, issued.Secret, issued.Token.Label, issued.Token.CreatedAt);
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(ApiTokenAdministration));
}
