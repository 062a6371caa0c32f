using Exchange.Domain.Messages;
using Exchange.Domain.Users;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>An operator in Chromium moves a message the broker gave up: finds it among the failed, requeues it with a reason.</summary>
public sealed class FailedMessagesInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    [Fact]
    public async Task a_failed_message_requeued_from_the_page_is_delivered_and_its_history_shows_who_requeued_it_and_why()
    {
        var messageId = await FailedMessagesPageTests.FailedMessageAsync(Gateway);
        var name = $"browser.requeue.{Guid.NewGuid():N}";
        await Gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, [UserRoles.Operator], "tester", Token);
        var page = Window.Page;
        await Window.SignInAsync(name, Password);

        await page.GotoAsync("/console/failed");
        await page.ClickAsync($"#failed tr[data-message-id='{messageId}'] a.inspect");
        await page.FillAsync("#requeue-reason", "получатель снова принимает сообщения");
        await page.ClickAsync("#requeue");

        var outcome = page.Locator("#outcome[data-outcome='requeued']");
        await outcome.WaitForAsync();
        Assert.Contains("Отправлено повторно", await outcome.InnerTextAsync());
        var requeued = page.Locator("#history tr[data-status='requeued']");
        Assert.Equal(name, await requeued.Locator(".actor").InnerTextAsync());
        Assert.Equal("получатель снова принимает сообщения", await requeued.Locator(".reason").InnerTextAsync());
        Assert.False(await page.IsVisibleAsync("#requeue-form"));

        await Gateway.ReceiveAsync("HEALTH", messageId);
        await page.ReloadAsync();
        var statuses = await page.Locator("#history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Requeued, MessageStatus.Queued, MessageStatus.Delivered], statuses);
        Assert.Equal(MessageStatus.Delivered, await page.GetAttributeAsync("#inspected-status", "data-status"));
        Assert.Equal(0, await page.Locator($"#failed tr[data-message-id='{messageId}']").CountAsync());
    }
}
