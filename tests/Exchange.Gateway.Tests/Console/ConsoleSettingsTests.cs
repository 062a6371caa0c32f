using System.Net;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The console's settings: cookies are Secure unless a loopback demo says otherwise, and impossible limits stop start-up.</summary>
public sealed class ConsoleSettingsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task by_default_the_console_cookies_are_secure_http_only_and_same_site_strict()
    {
        var node = await gateway.StartNodeAsync("secure-cookies-node", new Dictionary<string, string?> { ["Exchange:Console:AllowInsecureCookies"] = "false" },
            builder => builder.Services.AddTransient<IStartupFilter, HttpsAsTlsProxySees>());
        try
        {
            await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync("secure.cookies", "the password of it", [UserRoles.Operator], "tester", Token);
            // Cookies by hand: a cookie jar would keep Secure cookies from going back over the loopback's plain HTTP.
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(node.Urls.First()) };
            using var login = await http.GetAsync("/console/login", Token);
            var antiforgery = CookieOf(login, "exchange.antiforgery");
            var formToken = ConsoleBrowser.FormTokenIn(await login.Content.ReadAsStringAsync(Token));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/console/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["username"] = "secure.cookies", ["password"] = "the password of it", ["__RequestVerificationToken"] = formToken,
                }),
            };
            post.Headers.Add("Cookie", antiforgery[..antiforgery.IndexOf(';', StringComparison.Ordinal)]);

            using var signedIn = await http.SendAsync(post, Token);

            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.All(new[] { antiforgery, CookieOf(signedIn, "exchange.console") }, cookie =>
            {
                Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            });
        }
        finally
        {
            await node.StopAsync(Token);
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task over_plain_http_with_secure_cookies_the_console_answers_a_clear_refusal_not_a_failure()
    {
        var node = await gateway.StartNodeAsync("plain-http-node", new Dictionary<string, string?> { ["Exchange:Console:AllowInsecureCookies"] = "false" });
        try
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(node.Urls.First()) };

            using var login = await http.GetAsync("/console/login", Token);
            using var post = await http.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x" }), Token);

            foreach (var response in new[] { login, post })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal(ConsoleRequiresHttps.Refusal, await response.Content.ReadAsStringAsync(Token));
                Assert.False(response.Headers.Contains("Set-Cookie"));
            }
            using var health = await http.GetAsync("/health", Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            await node.StopAsync(Token);
            await node.DisposeAsync();
        }
    }

    private static string CookieOf(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Theory]
    [InlineData("LockoutAttempts", "0")]
    [InlineData("LockoutDuration", "00:00:00")]
    [InlineData("SessionIdleTimeout", "09:00:00")]
    public async Task a_console_setting_that_cannot_hold_stops_start_up(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartNodeAsync($"bad-{key}-node",
            new Dictionary<string, string?> { [$"Exchange:Console:{key}"] = value }));

        var refusals = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.Contains(refusals, e => e is OptionsValidationException && e.Message.Contains(key, StringComparison.Ordinal));
    }
}
