using System.Net;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// Console users over HTTP as a browser meets them: sign in and out, sessions that end, lockout, antiforgery, roles, and
/// the headers that keep the pages from loading or being framed by anything else.
/// </summary>
public sealed class ConsoleSignInTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";
    private const string RefusalText = "Неверное имя пользователя или пароль, либо учётная запись сейчас не может войти.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ConsoleBrowser Browser() => new(gateway.BaseAddress);

    private Task AddUserAsync(string name, params string[] roles) =>
        gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", Token);

    private static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Token);

    [Fact]
    public async Task a_user_signs_in_sees_its_name_and_roles_and_after_signing_out_is_sent_to_login_again()
    {
        await AddUserAsync("in.and.out", UserRoles.Operator, UserRoles.ContentReader);
        using var browser = Browser();

        using var signedIn = await browser.SignInAsync("In.And.Out", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/console", signedIn.Headers.Location?.OriginalString);
        using var landing = await browser.GetAsync("/console");
        var page = await TextAsync(landing);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains("<strong id=\"user\">in.and.out</strong>", page);
        Assert.Contains("оператор, читатель содержимого", page);

        using var signedOut = await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/messages")]
    [InlineData("/console/messages/0190f5a6-7c1e-7b3a-9a4e-2f1d3c5b7a90")]
    [InlineData("/console/overdue")]
    [InlineData("/console/failed")]
    [InlineData("/console/participants")]
    [InlineData("/console/dashboard")]
    [InlineData("/console/audit")]
    [InlineData("/console/users")]
    [InlineData("/console/no-such-page")]
    public async Task every_console_page_sends_a_visitor_without_a_session_to_login(string path)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleSiteExtensions.LoginPath, response.Headers.Location?.AbsolutePath);
    }

    /// <summary>
    /// Each post that opens content or changes a message, sent without a session but with a valid form token (one the login
    /// page gives anyone), so that the session and not the token is what refuses it: no content, no audit, no change.
    /// </summary>
    [Theory]
    [InlineData("/console/messages/{0}?handler=Open")]
    [InlineData("/console/messages/{0}?handler=File")]
    [InlineData("/console/failed?id={0}&handler=Requeue")]
    [InlineData("/console/failed?id={0}&handler=Discard")]
    public async Task every_post_without_a_session_is_refused_and_changes_nothing(string handler)
    {
        const string content = "no session reads this";
        var messageId = handler.StartsWith("/console/failed", StringComparison.Ordinal)
            ? await FailedMessagesPageTests.FailedMessageAsync(gateway)
            : (await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(content), cancellationToken: Token)).MessageId;
        // Settled first (a sent request is queued by the relay a moment later), so any later row is the post's.
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync(
            "SELECT count(*) FROM messages WHERE message_id = $1 AND current_status IN ('queued', 'failed')", messageId) == 1);
        var history = await gateway.CountAsync("SELECT count(*) FROM message_status WHERE message_id = $1", messageId);
        using var browser = Browser();
        var token = await browser.FormTokenAsync(ConsoleSiteExtensions.LoginPath);

        using var response = await browser.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, handler, messageId), new()
        {
            ["reason"] = "a visitor without a session",
            ["contentId"] = "appeal.pdf",
            ["__RequestVerificationToken"] = token,
        });

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(ConsoleSiteExtensions.LoginPath, response.Headers.Location?.AbsolutePath);
        }
        Assert.DoesNotContain(content, await TextAsync(response));
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM console_audit WHERE message_id = $1", messageId));
        Assert.Equal(history, await gateway.CountAsync("SELECT count(*) FROM message_status WHERE message_id = $1", messageId));
    }

    [Fact]
    public async Task an_unknown_user_a_wrong_password_and_a_disabled_user_get_the_same_page()
    {
        await AddUserAsync("refused.disabled", UserRoles.Operator);
        await AddUserAsync("refused.wrong", UserRoles.Operator);
        await gateway.Services.GetRequiredService<ConsoleUsers>().DisableAsync("refused.disabled", "tester", Token);
        using var browser = Browser();

        string[] pages =
        [
            await TextAsync(await browser.SignInAsync("refused.nobody", Password)),
            await TextAsync(await browser.SignInAsync("refused.wrong", "not the password")),
            await TextAsync(await browser.SignInAsync("refused.disabled", Password)),
        ];

        Assert.All(pages, page => Assert.Contains(RefusalText, page));
        Assert.Single(pages.Select(WithoutFieldValues).Distinct());
    }

    [Fact]
    public async Task after_the_configured_wrong_passwords_even_the_right_one_is_refused_until_the_lockout_ends()
    {
        var options = new ConsoleOptions();
        await AddUserAsync("locked.out", UserRoles.Operator);
        using var browser = Browser();
        for (var i = 0; i < options.LockoutAttempts; i++)
        {
            Assert.Contains(RefusalText, await TextAsync(await browser.SignInAsync("locked.out", $"wrong {i}")));
        }

        Assert.Contains(RefusalText, await TextAsync(await browser.SignInAsync("locked.out", Password)));
        gateway.Clock.Advance(options.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.Contains(RefusalText, await TextAsync(await browser.SignInAsync("locked.out", Password)));

        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        using var unlocked = await browser.SignInAsync("locked.out", Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }

    [Fact]
    public async Task an_attempt_waiting_while_another_locks_the_user_out_is_refused_even_with_the_right_password()
    {
        await AddUserAsync("waits.for.lock", UserRoles.Operator);
        var users = gateway.Services.GetRequiredService<ConsoleUsers>();
        // An attempt in flight elsewhere holds the user's row; the lockout it ends in is what the waiting attempt must see.
        await using var connection = await gateway.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        await using (var hold = new Npgsql.NpgsqlCommand("SELECT 1 FROM console_users WHERE name = 'waits.for.lock' FOR UPDATE", connection))
        {
            await hold.ExecuteNonQueryAsync(Token);
        }

        var waiting = users.SignInAsync("waits.for.lock", Password, Token);
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM console_users%'") > 0);
        await using (var lockOut = new Npgsql.NpgsqlCommand("UPDATE console_users SET locked_until = $1 WHERE name = 'waits.for.lock'", connection))
        {
            lockOut.Parameters.AddWithValue(gateway.Clock.GetUtcNow().AddMinutes(5));
            await lockOut.ExecuteNonQueryAsync(Token);
        }
        await transaction.CommitAsync(Token);

        Assert.Null(await waiting);
    }

    [Fact]
    public async Task a_password_set_anew_ends_the_sessions_begun_before_it()
    {
        await AddUserAsync("reset.ends.sessions", UserRoles.Operator);
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("reset.ends.sessions", Password)).StatusCode);
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));

        await gateway.Services.GetRequiredService<ConsoleUsers>().ResetPasswordAsync("reset.ends.sessions", "another long password", "tester", Token);
        using var after = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(ConsoleSiteExtensions.LoginPath, after.Headers.Location?.AbsolutePath);
        using var fresh = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("reset.ends.sessions", "another long password")).StatusCode);
        using var landing = await fresh.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "x")]
    [InlineData("someone", "")]
    public async Task an_empty_or_blank_field_gets_the_refusal_page_not_a_failure(string user, string password)
    {
        using var browser = Browser();
        using var response = await browser.SignInAsync(user, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RefusalText, await TextAsync(response));
    }

    [Fact]
    public async Task a_forged_antiforgery_token_is_refused_with_400()
    {
        await AddUserAsync("forged", UserRoles.Operator);
        using var browser = Browser();
        await browser.FormTokenAsync("/console/login");

        using var forged = await browser.PostAsync("/console/login",
            new() { ["username"] = "forged", ["password"] = Password, ["__RequestVerificationToken"] = "CfDJ8forged" });
        using var missing = await browser.PostAsync("/console/login", new() { ["username"] = "forged", ["password"] = Password });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, missing.StatusCode));
        using var console = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task an_idle_session_ends_and_sends_back_to_login()
    {
        await AddUserAsync("idle", UserRoles.Operator);
        using var browser = Browser();
        using var signedIn = await browser.SignInAsync("idle", Password);

        gateway.Clock.Advance(new ConsoleOptions().SessionIdleTimeout + TimeSpan.FromSeconds(1));

        using var response = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleSiteExtensions.LoginPath, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task a_busy_session_still_ends_at_its_maximum_lifetime()
    {
        var options = new ConsoleOptions();
        await AddUserAsync("busy", UserRoles.Operator);
        using var browser = Browser();
        using var signedIn = await browser.SignInAsync("busy", Password);
        var step = options.SessionIdleTimeout * 0.75;
        for (var used = TimeSpan.Zero; used + step < options.SessionMaxLifetime; used += step)
        {
            gateway.Clock.Advance(step);
            using var busy = await browser.GetAsync("/console");
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        gateway.Clock.Advance(step);

        using var ended = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
    }

    [Fact]
    public async Task an_operator_on_an_administrator_page_gets_a_403_page_and_an_administrator_the_page()
    {
        await AddUserAsync("only.operator", UserRoles.Operator);
        await AddUserAsync("an.administrator", UserRoles.Administrator);
        using var operatorBrowser = Browser();
        using var administratorBrowser = Browser();
        await operatorBrowser.SignInAsync("only.operator", Password);
        await administratorBrowser.SignInAsync("an.administrator", Password);

        using var refused = await operatorBrowser.GetAsync("/console/users");
        using var shown = await administratorBrowser.GetAsync("/console/users");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Ваши роли не дают доступа к этой странице", await TextAsync(refused));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("only.operator", await TextAsync(shown));
    }

    [Theory]
    [InlineData("/console/login")]
    [InlineData("/console/status/404")]
    public async Task console_responses_carry_a_strict_content_security_policy_and_security_headers(string path)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_and_same_site_strict()
    {
        await AddUserAsync("cookie.flags", UserRoles.Operator);
        using var browser = Browser();

        using var signedIn = await browser.SignInAsync("cookie.flags", Password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("exchange.console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    // The pages may differ only by their fields' values: the name typed, and the form's antiforgery token.
    private static string WithoutFieldValues(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]*\"", "");
}
