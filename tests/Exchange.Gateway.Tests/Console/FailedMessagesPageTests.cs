using System.Net;
using Exchange.Domain.Audit;
using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Domain.Users;
using Exchange.Gateway.Storage.Messages;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// <c>/console/failed</c> over HTTP: a message that really failed (the broker gave it up after its delivery limit) is
/// listed, requeued by an operator and then delivered, or discarded; posts without a reason, the role or the form's
/// token change nothing. Each test fails messages and signs in users of its own.
/// </summary>
public sealed class FailedMessagesPageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// An appeal for HEALTH that a test published to PORTAL's queue: the inbox refuses it on every delivery, so the broker
    /// gives it up and the gateway records it failed. Its outbox row (from a requeue) goes to HEALTH, where it belongs.
    /// </summary>
    internal static async Task<Guid> FailedMessageAsync(GatewayFixture gateway)
    {
        var message = await BrokerMessages.MisroutedAsync(gateway, gateway.Clock.GetUtcNow());
        await BrokerMessages.PublishAsync(gateway.BrokerAddress, "PORTAL", message);
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync(
            "SELECT count(*) FROM messages WHERE message_id = $1 AND current_status = 'failed'", message.MessageId) == 1);
        return message.MessageId;
    }

    private static string UniqueName(string label) => $"{label}.{Guid.NewGuid():N}"[..Math.Min(64, label.Length + 33)];

    private async Task<ConsoleBrowser> SignedInAsync(string name, params string[] roles)
    {
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", Token);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        using var signedIn = await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> PostActionAsync(ConsoleBrowser browser, Guid messageId, string handler, string reason,
        string? token = null) =>
        await browser.PostAsync($"/console/failed?id={messageId}&handler={handler}", new()
        {
            ["reason"] = reason,
            ["__RequestVerificationToken"] = token ?? await browser.FormTokenAsync($"/console/failed?id={messageId}"),
        });

    private async Task<string> PageAsync(ConsoleBrowser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private Task<IReadOnlyList<StatusEntry>> HistoryAsync(Guid messageId) =>
        gateway.Services.GetRequiredService<MessageStore>().HistoryAsync(messageId, Token);

    private Task<long> AuditRowsAsync(Guid messageId) =>
        gateway.CountAsync("SELECT count(*) FROM console_audit WHERE message_id = $1", messageId);

    [Fact]
    public async Task an_operator_requeues_a_failed_message_its_recipient_then_gets_it_and_its_history_says_who_and_why()
    {
        var messageId = await FailedMessageAsync(gateway);
        await gateway.WaitUntilAsync(async () => (await BrokerMessages.DeadLetteredAsync(gateway.BrokerAddress)).Contains(messageId.ToString()));
        var user = UniqueName("failed.requeue");
        using var browser = await SignedInAsync(user, UserRoles.Operator);
        var list = await PageAsync(browser, "/console/failed");
        Assert.Contains($"data-message-id=\"{messageId}\"", list);
        Assert.Matches("id=\"dead-letters\" data-count=\"[1-9][0-9]*\"", list);

        using var requeued = await PostActionAsync(browser, messageId, "Requeue", "HEALTH's queue is consumed again");

        Assert.Equal(HttpStatusCode.Redirect, requeued.StatusCode);
        Assert.Equal($"/console/failed?id={messageId}&done={ConsoleAction.Requeued}", requeued.Headers.Location?.OriginalString);
        var received = await gateway.ReceiveAsync("HEALTH", messageId);
        Assert.Equal(messageId, received.MessageId);
        var history = await HistoryAsync(messageId);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Requeued, MessageStatus.Queued, MessageStatus.Delivered],
            history.Select(h => h.Status));
        Assert.Equal(user, history[2].Actor);
        Assert.Equal("HEALTH's queue is consumed again", history[2].Reason);
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM console_audit WHERE message_id = $1 AND action = $2 AND actor = $3", messageId, ConsoleAction.Requeued, user));

        var inspected = await PageAsync(browser, $"/console/failed?id={messageId}&done={ConsoleAction.Requeued}");
        Assert.Contains($"data-outcome=\"{ConsoleAction.Requeued}\"", inspected);
        Assert.Contains($"<td class=\"actor\">{user}</td>", inspected);
        Assert.DoesNotContain("id=\"requeue-form\"", inspected);
        Assert.DoesNotContain($"data-message-id=\"{messageId}\"", await PageAsync(browser, "/console/failed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task a_requeue_or_discard_without_a_reason_is_refused_with_400_and_changes_nothing(string reason)
    {
        var messageId = await FailedMessageAsync(gateway);
        using var browser = await SignedInAsync(UniqueName("failed.no.reason"), UserRoles.Operator);

        using var requeue = await PostActionAsync(browser, messageId, "Requeue", reason);
        using var discard = await PostActionAsync(browser, messageId, "Discard", reason);
        using var tooLong = await PostActionAsync(browser, messageId, "Requeue", new string('x', ConsoleAction.MaxReasonLength + 1));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (requeue.StatusCode, discard.StatusCode, tooLong.StatusCode));
        Assert.Equal(MessageStatus.Failed, (await HistoryAsync(messageId))[^1].Status);
        Assert.Equal(0, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task a_discarded_message_leaves_the_list_and_a_requeue_after_it_says_that_nothing_changed()
    {
        var messageId = await FailedMessageAsync(gateway);
        using var browser = await SignedInAsync(UniqueName("failed.discard"), UserRoles.Operator);
        var inspected = await PageAsync(browser, $"/console/failed?id={messageId}");
        Assert.Contains("id=\"discard-form\"", inspected);

        using var discarded = await PostActionAsync(browser, messageId, "Discard", "the sender withdrew the appeal");
        using var late = await PostActionAsync(browser, messageId, "Requeue", "a second operator, too late",
            ConsoleBrowser.FormTokenIn(inspected));

        Assert.Equal($"/console/failed?id={messageId}&done={ConsoleAction.Discarded}", discarded.Headers.Location?.OriginalString);
        Assert.Equal($"/console/failed?id={messageId}&done=unchanged", late.Headers.Location?.OriginalString);
        var history = await HistoryAsync(messageId);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Discarded], history.Select(h => h.Status));
        Assert.Equal("the sender withdrew the appeal", history[^1].Reason);
        Assert.Equal(1, await AuditRowsAsync(messageId));
        // The test published the message itself (it had no outbox row); a discard adds none.
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM outbox WHERE message_id = $1", messageId));
        Assert.DoesNotContain($"data-message-id=\"{messageId}\"", await PageAsync(browser, "/console/failed"));
        Assert.Contains("data-outcome=\"unchanged\"", await PageAsync(browser, $"/console/failed?id={messageId}&done=unchanged"));
    }

    [Fact]
    public async Task a_message_inspected_and_discarded_from_a_later_page_of_the_list_returns_to_that_page()
    {
        var messageId = await FailedMessageAsync(gateway);
        // A page that starts after a message accepted later than this one: this one is on it.
        var after = new MessageCursor(gateway.Clock.GetUtcNow().AddDays(1), Guid.Empty).Encode();
        using var browser = await SignedInAsync(UniqueName("failed.later.page"), UserRoles.Operator);
        var list = await PageAsync(browser, $"/console/failed?after={after}");
        Assert.Contains($"href=\"/console/failed?id={messageId}&amp;after={after}\"", list);
        var inspected = await PageAsync(browser, $"/console/failed?id={messageId}&after={after}");
        Assert.Contains($"action=\"/console/failed?id={messageId}&amp;after={after}&amp;handler=Discard\"", inspected);

        using var discarded = await browser.PostAsync($"/console/failed?id={messageId}&after={after}&handler=Discard", new()
        {
            ["reason"] = "withdrawn while the operator read the second page",
            ["__RequestVerificationToken"] = ConsoleBrowser.FormTokenIn(inspected),
        });

        Assert.Equal($"/console/failed?id={messageId}&after={after}&done={ConsoleAction.Discarded}", discarded.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task a_user_without_the_operator_role_is_refused_the_page_and_its_actions()
    {
        var messageId = await FailedMessageAsync(gateway);
        using var browser = await SignedInAsync(UniqueName("failed.reader"), UserRoles.ContentReader, UserRoles.Administrator);

        using var page = await browser.GetAsync("/console/failed");
        using var requeue = await PostActionAsync(browser, messageId, "Requeue", "not mine to do", await browser.FormTokenAsync("/console"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, requeue.StatusCode));
        Assert.Equal(MessageStatus.Failed, (await HistoryAsync(messageId))[^1].Status);
    }

    [Fact]
    public async Task a_requeue_with_a_forged_form_token_is_refused_with_400_and_changes_nothing()
    {
        var messageId = await FailedMessageAsync(gateway);
        using var browser = await SignedInAsync(UniqueName("failed.forged"), UserRoles.Operator);

        using var forged = await PostActionAsync(browser, messageId, "Requeue", "looks legitimate", "forged");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(MessageStatus.Failed, (await HistoryAsync(messageId))[^1].Status);
        Assert.Equal(0, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task inspecting_an_unknown_message_or_paging_from_a_cursor_the_gateway_never_wrote_is_a_clear_4xx()
    {
        using var browser = await SignedInAsync(UniqueName("failed.unknown"), UserRoles.Operator);

        using var unknown = await browser.GetAsync($"/console/failed?id={Guid.NewGuid()}");
        using var cursor = await browser.GetAsync("/console/failed?after=" + new string('A', 5000));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (unknown.StatusCode, cursor.StatusCode));
    }
}
