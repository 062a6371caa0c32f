using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Exchange.Gateway.Tests.Directory;
using Exchange.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests.Participants;

/// <summary>
/// API tokens: issued, listed and retired through the admin API (audited, stored only as a hash); they open the
/// participant API for an active system of an active participant, and nothing else; admin tokens do not open it.
/// </summary>
public sealed class ApiTokenTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Unknown everywhere: a call that gets 404 for it got past the token check, one that gets 401 did not.
    private readonly Guid NoSuchMessage = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());

    private DirectoryAdmin Admin() => new(gateway, gateway.Admin());

    private async Task<(long Id, string Secret)> IssueAsync(string system, string? label = null)
    {
        var issued = await Admin().IssueApiTokenAsync(system, label);
        return (issued.GetProperty("id").GetInt64(), issued.GetProperty("token").GetString()!);
    }

    private async Task<HttpStatusCode> StatusCodeWithAsync(string token) => (await ParticipantApi.StatusAsync(gateway, NoSuchMessage, token)).Status;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer exs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dGVzdGVyOnRlc3Q=")]
    public async Task without_a_valid_api_token_the_participant_api_refuses(string? authorization)
    {
        var (status, problem) = await ParticipantApi.GetAsync(gateway, ParticipantApi.StatusPath(NoSuchMessage), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("API token required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task an_admin_token_does_not_open_the_participant_api()
    {
        var (_, secret) = await IssueAsync("PORTAL_SYSTEM");

        Assert.Equal(HttpStatusCode.NotFound, await StatusCodeWithAsync(secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusCodeWithAsync(gateway.AdminToken));
    }

    [Theory]
    [InlineData("/api/admin/directory")]
    [InlineData("/api/admin/audit")]
    [InlineData("/api/statistics")]
    [InlineData("/api/messages/{0}/status")]
    public async Task an_api_token_opens_neither_the_admin_nor_the_tracing_api(string path)
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("traced by operators only"), cancellationToken: Token);
        var (_, secret) = await IssueAsync("PORTAL_SYSTEM");
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, sent.MessageId);

        var (withApiToken, _) = await ParticipantApi.GetAsync(gateway, target, $"Bearer {secret}");
        var (withAdminToken, _) = await ParticipantApi.GetAsync(gateway, target, $"Bearer {gateway.AdminToken}");

        Assert.Equal(HttpStatusCode.Unauthorized, withApiToken);
        Assert.Equal(HttpStatusCode.OK, withAdminToken);
    }

    [Fact]
    public async Task a_retired_token_is_refused_from_the_next_call()
    {
        var (id, secret) = await IssueAsync("HEALTH_SYSTEM", "to be retired");
        Assert.Equal(HttpStatusCode.NotFound, await StatusCodeWithAsync(secret));

        var retired = await Admin().RetireApiTokenAsync(id);

        Assert.NotEqual(JsonValueKind.Null, retired.GetProperty("retiredAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusCodeWithAsync(secret));
    }

    [Theory]
    [InlineData("systems/TOKEN_SYSTEM_RETIRED_SYSTEM", "TOKEN_SYSTEM_RETIRED")]
    [InlineData("participants/TOKEN_BODY_RETIRED", "TOKEN_BODY_RETIRED")]
    public async Task a_token_of_a_retired_system_or_of_a_system_of_a_retired_participant_is_refused(string retire, string participant)
    {
        var admin = Admin();
        await admin.AddParticipantAsync(participant, "regional_body");
        var (_, secret) = await IssueAsync(GatewayFixture.SystemOf(participant));
        Assert.Equal(HttpStatusCode.NotFound, await StatusCodeWithAsync(secret));

        await admin.SendAsync(HttpMethod.Delete, $"/api/admin/{retire}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusCodeWithAsync(secret));
    }

    [Fact]
    public async Task a_token_is_shown_once_and_stored_only_as_its_hash()
    {
        var (id, secret) = await IssueAsync("RSA_BODY_SYSTEM", "hash only");

        Assert.StartsWith("exs_", secret);
        Assert.Equal(1, await gateway.CountAsync($"SELECT count(*) FROM api_tokens WHERE id = {id} AND sha256 = sha256(convert_to('{secret}', 'UTF8'))"));
        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM api_tokens t WHERE strpos(t::text, '{secret}') > 0"));
        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM directory_audit a WHERE strpos(a::text, '{secret}') > 0"));
        var listed = await Admin().SendAsync(HttpMethod.Get, "/api/admin/systems/RSA_BODY_SYSTEM/api-tokens", null);
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("id").GetInt64() == id && t.GetProperty("label").GetString() == "hash only");
        Assert.DoesNotContain(secret, listed.GetRawText());
    }

    [Fact]
    public async Task issuing_and_retiring_are_audited_with_the_admin_token_holder()
    {
        var (id, _) = await IssueAsync("HEALTH_SYSTEM", "audited");
        await Admin().RetireApiTokenAsync(id);

        var audit = await Admin().SendAsync(HttpMethod.Get, $"/api/admin/audit?entity=api_token&key={id}", null);

        var entries = audit.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("tester", e.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("before").ValueKind);
        Assert.Equal("HEALTH_SYSTEM", entries[1].GetProperty("after").GetProperty("system").GetString());
        Assert.True(entries[0].GetProperty("after").TryGetProperty("retiredAt", out _));
        Assert.False(entries[0].GetProperty("before").TryGetProperty("retiredAt", out _));
    }

    [Fact]
    public async Task an_unknown_or_retired_system_gets_no_token_but_a_problem()
    {
        var admin = Admin();
        await admin.AddParticipantAsync("TOKEN_GONE", "regional_body");
        await admin.SendAsync(HttpMethod.Delete, "/api/admin/systems/TOKEN_GONE_SYSTEM", null);

        using var unknown = await gateway.Admin().PostAsJsonAsync("/api/admin/systems/NO_SUCH_SYSTEM/api-tokens", new { label = "refused" }, Token);
        using var retired = await gateway.Admin().PostAsJsonAsync("/api/admin/systems/TOKEN_GONE_SYSTEM/api-tokens", new { label = "refused" }, Token);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Conflict), (unknown.StatusCode, retired.StatusCode));
        Assert.All(new[] { unknown, retired }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM api_tokens WHERE system IN ('NO_SUCH_SYSTEM', 'TOKEN_GONE_SYSTEM')"));
    }

    [Fact]
    public async Task a_refusal_is_logged_as_a_warning_that_says_why_without_the_token()
    {
        var logs = new RecordedLogs();
        var node = await gateway.StartNodeAsync("token-log-node", configure: builder => builder.Logging.AddProvider(logs));
        try
        {
            var (id, secret) = await IssueAsync("PORTAL_SYSTEM", "logged");
            await Admin().RetireApiTokenAsync(id);
            using var client = gateway.Bearer(secret, node);

            using var response = await client.GetAsync(ParticipantApi.StatusPath(NoSuchMessage), Token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var refusal = Assert.Single(logs.Entries, e => e.EventId.Id == 7005);
            Assert.Equal(LogLevel.Warning, refusal.Level);
            Assert.Contains("retired", refusal.Message);
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            await node.StopAsync(Token);
            await node.DisposeAsync();
        }
    }
}
