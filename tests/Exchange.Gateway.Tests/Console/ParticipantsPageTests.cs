using System.Net;
using System.Text.RegularExpressions;
using Exchange.Domain.Users;
using Exchange.Gateway.Tests.Directory;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The participants page beside what the test did: messages sent and taken, certificates registered.</summary>
public sealed class ParticipantsPageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task messages_waiting_for_a_participant_and_its_live_consumer_after_a_get_are_shown()
    {
        // This class's tests send nothing else to HEALTH, so its inbox holds only these.
        var sent = await GatewayFixture.SendAppealsAsync(gateway.Client("PORTAL"), 3, "waiting on the console");
        await gateway.WaitUntilAsync(async () =>
            await gateway.CountAsync("SELECT count(*) FROM inbox WHERE recipient = 'HEALTH' AND acknowledged_at IS NULL") == 3);
        using var browser = await SignedInBrowser.OpenAsync(gateway, "participants.queues", UserRoles.Operator);
        Assert.Contains("""<td class="consumer" data-alive="false">""", Row(await PageAsync(browser), "HEALTH"));

        await gateway.TakeAsync("HEALTH", sent, 1);

        var health = Row(await PageAsync(browser), "HEALTH");
        Assert.Contains("""<td class="number waiting">3</td>""", health);
        Assert.Contains("""<td class="number leased">1</td>""", health);
        Assert.Matches("""<td class="number consumers">\s*1\s*</td>""", health);
        Assert.Contains("""<td class="consumer" data-alive="true">жив</td>""", health);
        Assert.Contains("""<td class="last-take">2030-09-02 09:00:00</td>""", health);
    }

    [Fact]
    public async Task a_certificate_that_expires_in_twenty_days_is_listed_and_an_expired_one_is_marked()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("EXPIRING", "institution");
        var key = gateway.Pki.Issue("EXPIRING_SOON", gateway.Clock.GetUtcNow() + TimeSpan.FromDays(20) + TimeSpan.FromHours(1));
        var thumbprint = await admin.AddCertificateAsync(GatewayFixture.SystemOf("EXPIRING"), key);
        using var browser = await SignedInBrowser.OpenAsync(gateway, "participants.certificates", UserRoles.Operator);

        var page = await PageAsync(browser);

        var row = Regex.Match(page, $"""<tr data-thumbprint="{thumbprint}" data-expired="false">(.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(row.Success, "The certificate expiring in 20 days is not listed.");
        Assert.Contains("<td>EXPIRING</td>", row.Value);
        Assert.Matches("""<td class="number days-left">\s*20\s*</td>""", row.Value);
        Assert.Contains("data-expired=\"true\"", page);
        Assert.Contains("Сертификаты, истекающие в ближайшие 30 дней", page);
    }

    private static string Row(string page, string participant)
    {
        var row = Regex.Match(page, $"""<tr data-participant="{participant}">(.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(row.Success, $"{participant} is not listed.");
        return row.Value;
    }

    private static async Task<string> PageAsync(ConsoleBrowser browser)
    {
        using var response = await browser.GetAsync("/console/participants");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
