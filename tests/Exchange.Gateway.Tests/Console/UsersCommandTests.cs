using System.Net;
using System.Net.Http.Json;
using Exchange.Cli;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// <c>exchange users ...</c> and the admin API's user calls against a running gateway: what the CLI does is what a
/// browser then meets, every change is audited without the password, and only administrators manage users.
/// </summary>
public sealed class UsersCommandTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "first password of the user";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(int Exit, string Output)> RunAsync(string stdin, params string[] words)
    {
        var output = new StringWriter();
        var exit = await UsersCommand.RunAsync(new Arguments([.. words, "--url", gateway.BaseAddress.ToString(), "--token", gateway.AdminToken]),
            output, new StringReader(stdin));
        return (exit, output.ToString());
    }

    [Fact]
    public async Task a_user_added_given_roles_reset_and_disabled_with_the_cli_signs_in_accordingly()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "users", "add", "cli.user", "--role", "operator")).Exit);
        var (_, listed) = await RunAsync("", "users", "list");
        Assert.Matches(@"cli\.user\s+active\s+operator", listed);

        await RunAsync("", "users", "role", "cli.user", "--role", "administrator", "--role", "operator");
        var passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, "second password of the user\n", Token);
        await RunAsync("", "users", "password", "cli.user", "--password-file", passwordFile);
        File.Delete(passwordFile);
        using (var browser = new ConsoleBrowser(gateway.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("cli.user", Password)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("cli.user", "second password of the user")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console/users")).StatusCode);

            await RunAsync("", "users", "disable", "cli.user");

            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console/users")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("cli.user", "second password of the user")).StatusCode);
        }
        Assert.Matches(@"cli\.user\s+disabled\s+operator,administrator", (await RunAsync("", "users", "list")).Output);
    }

    [Fact]
    public async Task every_change_to_a_user_is_audited_with_its_administrator_and_never_with_the_password_or_its_hash()
    {
        await RunAsync(Password + "\n", "users", "add", "audited.user", "--role", "operator");
        await RunAsync("", "users", "role", "audited.user", "--role", "content_reader");
        await RunAsync("another password for it\n", "users", "password", "audited.user");
        await RunAsync("", "users", "disable", "audited.user");

        Assert.Equal(4, await gateway.CountAsync("SELECT count(*) FROM directory_audit WHERE entity = 'console_user' AND key = 'audited.user' AND actor = 'tester'"));
        Assert.Equal(0, await gateway.CountAsync("""
            SELECT count(*) FROM directory_audit a, console_users u
            WHERE strpos(a::text, u.password_hash) > 0 OR strpos(a::text, $1) > 0 OR strpos(a::text, 'another password') > 0
            """, Password));
    }

    [Fact]
    public async Task a_password_is_never_taken_from_the_command_line_and_a_short_or_missing_one_is_refused()
    {
        await Assert.ThrowsAsync<UsageException>(() => RunAsync("", "users", "add", "no.password", "--role", "operator"));
        await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("short\n", "users", "add", "short.password", "--role", "operator"));
        await Assert.ThrowsAsync<UsageException>(() => RunAsync(Password + "\n", "users", "add", "no.roles"));

        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM console_users WHERE name IN ('no.password', 'short.password', 'no.roles')"));
    }

    [Fact]
    public async Task an_unknown_role_a_duplicate_and_an_unknown_user_are_problems_not_failures()
    {
        using var admin = gateway.Admin();
        using var unknownRole = await admin.PostAsJsonAsync("/api/admin/users", new { name = "bad.role", password = Password, roles = new[] { "root" } }, Token);
        using var first = await admin.PostAsJsonAsync("/api/admin/users", new { name = "twice", password = Password, roles = new[] { "operator" } }, Token);
        using var second = await admin.PostAsJsonAsync("/api/admin/users", new { name = "TWICE", password = Password, roles = new[] { "operator" } }, Token);
        using var unknown = await admin.DeleteAsync("/api/admin/users/nobody.here", Token);
        using var nameless = await admin.PostAsJsonAsync("/api/admin/users", new { password = Password }, Token);

        Assert.Equal(
            (HttpStatusCode.BadRequest, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.BadRequest),
            (unknownRole.StatusCode, first.StatusCode, second.StatusCode, unknown.StatusCode, nameless.StatusCode));
    }

    [Fact]
    public async Task console_users_read_users_through_the_admin_api_only_as_administrators_and_change_nothing_with_the_cookie_alone()
    {
        await RunAsync(Password + "\n", "users", "add", "api.administrator", "--role", "administrator");
        await RunAsync(Password + "\n", "users", "add", "api.operator", "--role", "operator");
        using var administrator = new ConsoleBrowser(gateway.BaseAddress);
        using var @operator = new ConsoleBrowser(gateway.BaseAddress);
        await administrator.SignInAsync("api.administrator", Password);
        await @operator.SignInAsync("api.operator", Password);

        using var listed = await administrator.GetAsync("/api/admin/users");
        using var refused = await @operator.GetAsync("/api/admin/users");
        using var traced = await @operator.GetAsync("/api/statistics");
        using var anonymous = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, "/api/admin/users"), Token);
        // A change through the API with nothing but the cookie is what another page could make a browser send.
        using var cookieChange = await administrator.PostAsync("/api/admin/users", new() { ["name"] = "forged.user" });

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Unauthorized),
            (listed.StatusCode, refused.StatusCode, traced.StatusCode, anonymous.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, cookieChange.StatusCode);
        var users = await listed.Content.ReadAsStringAsync(Token);
        Assert.Contains("api.operator", users);
        Assert.DoesNotContain("forged.user", users);
        Assert.DoesNotContain("hash", users, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", users); // how every Identity v3 password hash begins
    }
}
