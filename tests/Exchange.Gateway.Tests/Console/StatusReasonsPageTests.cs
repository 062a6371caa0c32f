using System.Net;
using Exchange.Adapters.Sdk;
using Exchange.Domain.Delivery;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Expiry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The reasons in a message's history as the console shows them: those the gateway writes itself (in English, for
/// senders and recipients) in Russian, any other reason as it was written. The messages really went through what the
/// reasons say (a lease ran out, an EOL passed, the inbox refused a message); time moves only by the fixture's clock.
/// </summary>
public sealed class StatusReasonsPageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<string> PageAsync(ConsoleBrowser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private async Task<bool> IsAsync(Guid messageId, string status) => await gateway.CountAsync(
        "SELECT count(*) FROM messages WHERE message_id = $1 AND current_status = $2", messageId, status) == 1;

    [Fact]
    public async Task a_redelivery_after_a_lease_ran_out_and_an_expiry_are_told_in_russian_on_the_message_page()
    {
        var endOfLife = gateway.Clock.GetUtcNow().AddHours(1);
        var expiring = (await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("expires unread"),
            new SendOptions(EndOfLife: endOfLife), Token)).MessageId;
        var redelivered = (await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("leased twice"),
            cancellationToken: Token)).MessageId;
        await gateway.WaitUntilAsync(async () => await IsAsync(expiring, "queued") && await IsAsync(redelivered, "queued"));
        // Past the first one's EOL, so it is never handed out, then the second one's lease runs out unacknowledged.
        gateway.Clock.Advance(TimeSpan.FromHours(2));
        await gateway.ReceiveAsync("HEALTH", redelivered);
        gateway.Clock.Advance(gateway.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.LeaseDuration + TimeSpan.FromMinutes(1));
        await gateway.ReceiveAsync("HEALTH", redelivered);
        await gateway.Services.GetRequiredService<MessageExpiry>().ExpireDueAsync(Token);
        using var browser = await SignedInBrowser.OpenAsync(gateway, "reasons.page", UserRoles.Operator);

        var redeliveredPage = await PageAsync(browser, $"/console/messages/{redelivered}");
        var expiredPage = await PageAsync(browser, $"/console/messages/{expiring}");

        Assert.Contains("повторная выдача 2: срок предыдущей аренды истёк без подтверждения (Ack)", redeliveredPage);
        Assert.DoesNotContain("the previous lease ran out", redeliveredPage);
        var shownEndOfLife = gateway.Services.GetRequiredService<ConsoleTime>().Format(endOfLife);
        Assert.Contains($"срок жизни сообщения (EOL) {shownEndOfLife} истёк до подтверждения получателем", expiredPage);
        Assert.DoesNotContain("passed before the recipient acknowledged", expiredPage);
    }

    [Fact]
    public async Task the_inboxs_refusal_is_told_in_russian_and_an_operators_reason_as_written()
    {
        var messageId = await FailedMessagesPageTests.FailedMessageAsync(gateway);
        using var browser = await SignedInBrowser.OpenAsync(gateway, "reasons.failed", UserRoles.Operator);
        const string russian = "шлюз не смог поместить сообщение во входящие получателя";

        var inspected = await PageAsync(browser, $"/console/failed?id={messageId}");
        Assert.Contains(russian, inspected);
        Assert.Contains(russian, await PageAsync(browser, $"/console/messages/{messageId}"));
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(InboxWriter.UndeliverableReason), inspected);

        using var discarded = await browser.PostAsync($"/console/failed?id={messageId}&handler=Discard", new()
        {
            ["reason"] = "<b>withdrawn</b> by the sender",
            ["__RequestVerificationToken"] = ConsoleBrowser.FormTokenIn(inspected),
        });
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var history = await PageAsync(browser, $"/console/messages/{messageId}");

        Assert.Contains("&lt;b&gt;withdrawn&lt;/b&gt; by the sender", history);
        Assert.DoesNotContain("<b>withdrawn</b>", history);
    }
}
