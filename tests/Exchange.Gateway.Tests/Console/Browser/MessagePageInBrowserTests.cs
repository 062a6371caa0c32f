using Exchange.Domain.Audit;
using Exchange.Domain.Users;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>A message's page in Chromium: its timeline, and its content hidden from an operator and opened by a content reader.</summary>
public sealed class MessagePageInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    private async Task<string> SignInAsync(params string[] roles)
    {
        var name = $"browser.page.{Guid.NewGuid():N}";
        await Gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", Token);
        await Window.SignInAsync(name, Password);
        return name;
    }

    private async Task<Guid> AcknowledgedRequestAsync(string text)
    {
        var sent = await Gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(text), cancellationToken: Token);
        var received = await Gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await Gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        return sent.MessageId;
    }

    [Fact]
    public async Task an_operator_sees_the_timeline_of_an_acknowledged_message_with_its_nodes()
    {
        var messageId = await AcknowledgedRequestAsync("seen in the browser");
        await SignInAsync(UserRoles.Operator);
        var page = Window.Page;

        await page.GotoAsync($"/console/messages/{messageId}");

        var rows = page.Locator("#timeline tbody tr[data-status]");
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"],
            await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)"));
        Assert.All(await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[2].innerText)"), node => Assert.Equal("test-node", node));
        Assert.Equal("подтверждено получателем", await page.InnerTextAsync("#timeline tbody tr[data-status=acknowledged] .status"));
        Assert.Equal(messageId.ToString(), await page.InnerTextAsync("#message-id"));
    }

    [Fact]
    public async Task the_content_is_hidden_from_an_operator_and_a_content_reader_opens_it_giving_a_reason_that_the_audit_keeps()
    {
        var marker = $"browser-content-{Guid.NewGuid():N}";
        var messageId = await AcknowledgedRequestAsync(marker);
        var page = Window.Page;
        await SignInAsync(UserRoles.Operator);
        await page.GotoAsync($"/console/messages/{messageId}");
        Assert.True(await page.IsVisibleAsync("#content-hidden"));
        Assert.DoesNotContain(marker, await page.ContentAsync());

        await page.ClickAsync("#logout");
        await page.Locator("#username").WaitForAsync();
        var reader = await SignInAsync(UserRoles.Operator, UserRoles.ContentReader);
        await page.GotoAsync($"/console/messages/{messageId}");
        Assert.DoesNotContain(marker, await page.ContentAsync());
        await page.FillAsync("#reason", "appeal review, ticket 7");
        await page.ClickAsync("#open");
        await page.Locator("#content").WaitForAsync();

        Assert.Contains(marker, await page.InnerTextAsync("#content"));
        Assert.Equal(1, await Gateway.CountAsync(
            "SELECT count(*) FROM console_audit WHERE message_id = $1 AND actor = $2 AND action = $3 AND reason = $4",
            messageId, reader, ConsoleAction.ContentOpened, "appeal review, ticket 7"));
        var opening = page.Locator($"#timeline tr.operator-action[data-action=content_opened][data-actor='{reader}']");
        Assert.Contains("appeal review, ticket 7", await opening.InnerTextAsync());
    }
}
