using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>The admin API: token-protected, audited, described by OpenAPI, and its export imports back unchanged.</summary>
public sealed class AdministrationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-token")]
    [InlineData("Basic dGVzdGVyOnRlc3Q=")]
    public async Task without_a_valid_token_the_admin_api_refuses_and_changes_nothing(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(gateway.BaseAddress, "/api/admin/participants/INTRUDER"))
        {
            Content = JsonContent.Create(new { name = "Intruder", level = "portal" }),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await gateway.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM participants WHERE mnemonic = 'INTRUDER'"));
    }

    [Theory]
    [InlineData("/api/statistics")]
    [InlineData("/api/messages/2b2f5b6e-e8f4-11f1-9c2a-0242ac120002/status")]
    public async Task message_tracing_is_for_operators_only(string path)
    {
        using var anonymous = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, path), Token);
        using var withToken = await gateway.Admin().GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, withToken.StatusCode);
    }

    [Fact]
    public async Task every_change_is_audited_with_who_when_before_and_after()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.SendAsync(HttpMethod.Put, "/api/admin/participants/AUDITED", new { name = "First name", level = "regional_body" });
        await admin.SendAsync(HttpMethod.Put, "/api/admin/participants/AUDITED", new { name = "Second name", level = "regional_body" });

        var audit = await admin.SendAsync(HttpMethod.Get, "/api/admin/audit?entity=participant&key=AUDITED", null);

        var entries = audit.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("tester", e.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("before").ValueKind);
        Assert.Equal("First name", entries[0].GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("Second name", entries[0].GetProperty("after").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/admin/participants/NAMELESS", """{"level":"portal"}""")]
    [InlineData("PUT", "/api/admin/systems/ORPHAN_SYSTEM", """{"name":"EDMS"}""")]
    [InlineData("POST", "/api/admin/systems/PORTAL_SYSTEM/certificates", "{}")]
    [InlineData("PUT", "/api/admin/directory", """{"participants":[{"mnemonic":null,"name":null,"level":"portal","systems":null}],"types":null}""")]
    public async Task an_entry_with_missing_fields_is_a_bad_request_not_a_failure(string method, string path, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await gateway.Admin().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task a_caller_without_a_token_is_refused_before_its_body_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(gateway.BaseAddress, "/api/admin/directory"))
        {
            Content = new StringContent("{ this is not even JSON", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await gateway.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task an_inconsistent_change_is_refused_with_its_problems()
    {
        using var response = await gateway.Admin().PutAsJsonAsync("/api/admin/participants/LOST_SETTLEMENT",
            new { name = "Settlement of no district", level = "settlement" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must belong to a district", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task the_exported_directory_imports_back_without_a_change_and_an_edited_one_changes_exactly_the_edit()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        var exported = await admin.SendAsync(HttpMethod.Get, "/api/admin/directory", null);

        var unchanged = await admin.SendAsync(HttpMethod.Put, "/api/admin/directory", exported);
        Assert.Equal(0, unchanged.GetProperty("count").GetInt32());

        var edited = JsonNode.Parse(exported.GetRawText())!;
        var health = edited["participants"]!.AsArray().Single(p => (string?)p!["mnemonic"] == "HEALTH")!;
        health["name"] = "Health committee of the Leningrad region";
        var changed = await admin.SendAsync(HttpMethod.Put, "/api/admin/directory", edited);

        var change = Assert.Single(changed.GetProperty("changes").EnumerateArray());
        Assert.Equal("HEALTH", change.GetProperty("key").GetString());
        var again = await admin.SendAsync(HttpMethod.Get, "/api/admin/directory", null);
        Assert.True(JsonNode.DeepEquals(edited, JsonNode.Parse(again.GetRawText())), "export after import differs from what was imported");
    }

    [Fact]
    public async Task the_admin_and_participant_apis_are_described_by_openapi()
    {
        var document = await gateway.Http.GetFromJsonAsync<JsonElement>(new Uri(gateway.BaseAddress, "/openapi/v1.json"), Token);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/admin/directory", paths);
        Assert.Contains("/api/admin/participants/{mnemonic}", paths);
        Assert.Contains("/api/admin/systems/{mnemonic}/certificates", paths);
        Assert.Contains("/api/admin/permissions", paths);
        Assert.Contains("/api/admin/audit", paths);
        Assert.Contains("/api/admin/systems/{mnemonic}/api-tokens", paths);
        Assert.Contains("/api/admin/api-tokens/{id}", paths);
        Assert.Contains("/api/participant/messages/{messageId}/status", paths);
    }
}
