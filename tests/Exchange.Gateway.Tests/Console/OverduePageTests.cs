using System.Net;
using System.Text.RegularExpressions;
using Exchange.Domain.Users;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The overdue page judges deadlines by the gateway's clock, which the test moves past them.</summary>
public sealed class OverduePageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The test directory gives appeals 30 calendar days: sent on the fixture's Monday 2 September 2030, the answer is
    // due at the Moscow midnight after Wednesday 2 October.
    private static readonly DateTimeOffset DueAt = new(2030, 10, 3, 0, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task a_request_past_its_deadline_is_listed_under_its_recipient_with_the_days_it_is_overdue()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("overdue on the console"), cancellationToken: Token);
        using (var early = await SignedInBrowser.OpenAsync(gateway, "overdue.early", UserRoles.Operator))
        {
            Assert.DoesNotContain(sent.MessageId.ToString(), await PageAsync(early, "/console/overdue?recipient=HEALTH"));
        }

        gateway.Clock.Advance(DueAt - gateway.Clock.GetUtcNow() + TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        using var browser = await SignedInBrowser.OpenAsync(gateway, "overdue.late", UserRoles.Operator);

        var overview = await PageAsync(browser, "/console/overdue");
        Assert.Contains("Просроченные запросы", overview);
        Assert.Matches("""<tr data-recipient="HEALTH">\s*<td><a href="/console/overdue\?recipient=HEALTH">""", overview);

        var ofHealth = await PageAsync(browser, "/console/overdue?recipient=HEALTH");
        var row = Regex.Match(ofHealth, $"""<tr data-message-id="{sent.MessageId}">(.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(row.Success, "The overdue request is not listed.");
        Assert.Contains($"""href="/console/messages/{sent.MessageId}""", row.Value);
        Assert.Matches("""<td class="number days-overdue">2</td>""", row.Value);
    }

    [Fact]
    public async Task a_recipient_name_of_absurd_length_is_refused_with_400_and_a_reason()
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "overdue.absurd", UserRoles.Operator);

        using var response = await browser.GetAsync("/console/overdue?recipient=" + new string('x', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("не длиннее 256 символов", await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<string> PageAsync(ConsoleBrowser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
