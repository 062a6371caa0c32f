using System.Net;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The Messages page marks a request past its answer deadline and finds it with "overdue only". A class of its own: it
/// moves the clock a month on, past the test CRL's validity, which the other search tests still need to send.
/// </summary>
public sealed class OverdueInMessageSearchTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_request_past_its_answer_deadline_is_marked_overdue_and_found_by_overdue_only()
    {
        var time = gateway.Services.GetRequiredService<ConsoleTime>();
        var start = gateway.Clock.GetUtcNow();
        var overdue = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("never answered"), cancellationToken: Token);
        // The test directory gives an appeal 30 calendar days.
        gateway.Clock.Advance(TimeSpan.FromDays(32));
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync("overdue.search", Password, [UserRoles.Operator], "tester", Token);
        using var browser = new ConsoleBrowser(gateway.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("overdue.search", Password)).StatusCode);

        using var response = await browser.GetAsync(
            $"/console/messages?overdue=true&from={time.ToInput(start)}&to={time.ToInput(start.AddHours(1))}");
        var page = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<tr data-message-id=\"{overdue.MessageId}\">", page);
        Assert.Contains("<span class=\"overdue\">просрочено</span>", page);
        Assert.Contains("name=\"overdue\" id=\"overdue\" value=\"true\" checked=\"checked\"", page);
    }
}
