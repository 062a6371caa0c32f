using System.Data.Common;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Outbox;
using Exchange.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>
/// What the SDK's durable outbox guarantees on any of its stores: what is enqueued reaches the gateway once, under the
/// MessageID Enqueue returned, whatever crashed in between; what the gateway refuses for good is failed, not resent.
/// A subclass names the store.
/// </summary>
public abstract class OutboxContractTests(GatewayFixture gateway)
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected GatewayFixture Gateway { get; } = gateway;

    /// <summary>Registers the outbox on the test's store, configured by <paramref name="configure"/> as well.</summary>
    protected abstract void AddOutbox(IServiceCollection services, Action<ExchangeOutboxOptions> configure);

    /// <summary>A connection of the EDMS to the store's own database, open.</summary>
    protected abstract Task<DbConnection> OpenEdmsConnectionAsync();

    /// <summary>Quick polls and retries, so a test waits milliseconds, not the defaults' seconds.</summary>
    protected static void Quick(ExchangeOutboxOptions options)
    {
        options.PollInterval = TimeSpan.FromMilliseconds(100);
        options.RetryAttempts = 1;
        options.RetryDelay = TimeSpan.FromMilliseconds(20);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
    }

    protected OutboxHost Host(string participant = "PORTAL", Uri? endpoint = null, SendCounter? counter = null) =>
        new(Gateway, services => AddOutbox(services, Quick), participant, endpoint, counter);

    protected async Task<ExchangeOutboxEntry> WaitForStateAsync(OutboxHost host, Guid messageId, ExchangeOutboxEntryState state)
    {
        ExchangeOutboxEntry? entry = null;
        await Gateway.WaitUntilAsync(async () => (entry = await host.Status.GetStateAsync(messageId, Token))?.State == state,
            () => Task.FromResult($"Entry {messageId} is {entry?.State.ToString() ?? "missing"} ({entry?.LastError})."));
        return entry!;
    }

    /// <summary>Enqueues an appeal on a transaction of the EDMS's own, which then commits or rolls back.</summary>
    private async Task<Guid> EnqueueOnEdmsTransactionAsync(OutboxHost host, string text, bool commit)
    {
        await using var connection = await OpenEdmsConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Token);
        var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal(text), transaction: transaction, cancellationToken: Token);
        await (commit ? transaction.CommitAsync(Token) : transaction.RollbackAsync(Token));
        return id;
    }

    [Fact]
    public async Task an_enqueued_request_reaches_its_recipient_once_under_the_message_id_enqueue_returned()
    {
        await using var host = Host();
        await host.StartAsync();

        var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("sent through the outbox"),
            new SendOptions(Attachments: [new OutgoingAttachment("scan", "application/pdf", "%PDF-outbox"u8.ToArray())]), cancellationToken: Token);
        var received = await Gateway.ReceiveAsync("HEALTH", id);
        await Gateway.Client("HEALTH").AckAsync(id, cancellationToken: Token);
        var entry = await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Sent);

        Assert.Equal("sent through the outbox", received.BusinessContent.InnerText);
        Assert.Equal("%PDF-outbox"u8.ToArray(), received.Attachments.Single().Content.ToArray());
        Assert.Equal(received.Metadata.SendingTimestamp, entry.SentAt);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(1, host.Counter.Sends);
    }

    [Fact]
    public async Task an_enqueued_response_and_rejection_reach_the_requester_under_their_message_ids()
    {
        var portal = Gateway.Client("PORTAL");
        var asked = await portal.SendRequestAsync(BusinessDocuments.Appeal("answer me"), cancellationToken: Token);
        var askedReceived = await Gateway.ReceiveAsync("HEALTH", asked.MessageId);
        await Gateway.Client("HEALTH").AckAsync(asked.MessageId, cancellationToken: Token);
        var refused = await portal.SendRequestAsync(BusinessDocuments.Appeal("refuse me"), cancellationToken: Token);
        var refusedReceived = await Gateway.ReceiveAsync("HEALTH", refused.MessageId);
        await Gateway.Client("HEALTH").AckAsync(refused.MessageId, cancellationToken: Token);
        await using var host = Host("HEALTH");
        await host.StartAsync();

        var answerId = await host.Outbox.EnqueueResponseAsync(askedReceived.ReplyTo!, BusinessDocuments.Appeal("answered", root: "AppealAnswer"),
            cancellationToken: Token);
        await WaitForStateAsync(host, answerId, ExchangeOutboxEntryState.Sent);
        var rejectionId = await host.Outbox.EnqueueRejectionAsync(refusedReceived.ReplyTo!, "NO_DATA", "Nothing on file", cancellationToken: Token);
        await WaitForStateAsync(host, rejectionId, ExchangeOutboxEntryState.Sent);
        var answer = await Gateway.ReceiveResponseAsync("PORTAL", asked.MessageId);
        await portal.AckAsync(answer.MessageId, cancellationToken: Token);
        var rejection = await Gateway.ReceiveResponseAsync("PORTAL", refused.MessageId);
        await portal.AckAsync(rejection.MessageId, cancellationToken: Token);

        Assert.Equal(answerId, answer.MessageId);
        Assert.Equal("answered", answer.BusinessContent!.InnerText);
        Assert.Equal(rejectionId, rejection.MessageId);
        Assert.Equal(["NO_DATA"], rejection.Rejections);
    }

    [Fact]
    public async Task an_entry_enqueued_on_the_edms_transaction_is_sent_only_when_that_transaction_commits()
    {
        await using var host = Host();

        // The first Enqueue on a fresh store creates its tables, here on a transaction that rolls back.
        var rolledBack = await EnqueueOnEdmsTransactionAsync(host, "never decided", commit: false);
        var committed = await EnqueueOnEdmsTransactionAsync(host, "decided", commit: true);
        await host.StartAsync();
        var received = await Gateway.ReceiveAsync("HEALTH", committed);
        await Gateway.Client("HEALTH").AckAsync(committed, cancellationToken: Token);
        await WaitForStateAsync(host, committed, ExchangeOutboxEntryState.Sent);

        Assert.Equal("decided", received.BusinessContent.InnerText);
        Assert.Null(await host.Status.GetStateAsync(rolledBack, Token));
        Assert.Equal(0, await Gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1", rolledBack));
        Assert.Equal(1, host.Counter.Sends);
    }

    [Fact]
    public async Task an_entry_committed_by_the_edms_after_the_wake_up_is_sent_without_waiting_for_the_poll()
    {
        // The poll would come in an hour: only the wake-up of the Enqueue, and the looks that follow it, can send this.
        await using var host = new OutboxHost(Gateway, services => AddOutbox(services, options =>
        {
            Quick(options);
            options.PollInterval = TimeSpan.FromHours(1);
        }), "PORTAL", endpoint: null, counter: null);
        await host.StartAsync();

        await using var connection = await OpenEdmsConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Token);
        var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("committed a moment later"), transaction: transaction,
            cancellationToken: Token);
        // The EDMS still working in its transaction when the sender wakes and finds nothing committed.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Token);
        await transaction.CommitAsync(Token);

        await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Sent);
        await Gateway.ReceiveAsync("HEALTH", id);
        await Gateway.Client("HEALTH").AckAsync(id, cancellationToken: Token);
    }

    [Fact]
    public async Task a_transaction_on_another_database_is_refused()
    {
        var otherFile = Path.Combine(Path.GetTempPath(), $"exchange-not-the-outbox-{Guid.NewGuid():N}.db");
        await using var host = Host();
        try
        {
            await using var connection = new SqliteConnection($"Data Source={otherFile}");
            await connection.OpenAsync(Token);
            await using var transaction = await connection.BeginTransactionAsync(Token);

            var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
                host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("astray"), transaction: transaction, cancellationToken: Token));

            Assert.Equal("transaction", refused.ParamName);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(otherFile);
        }
    }

    [Fact]
    public async Task keys_are_refused_because_an_entry_cannot_hold_them()
    {
        await using var host = Host();
        var key = Gateway.Pki.Key("PORTAL");

        var personal = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("signed", id: "doc"), new SendOptions(PersonalKey: key), cancellationToken: Token));
        var attachment = await Assert.ThrowsAsync<ArgumentException>(() => host.Outbox.EnqueueResponseAsync("somewhere",
            BusinessDocuments.Appeal("files", root: "AppealAnswer"),
            new ResponseOptions(Attachments: [new OutgoingAttachment("scan", "application/pdf", new byte[] { 1 }, key)]), cancellationToken: Token));

        Assert.Contains("PersonalKey", personal.Message);
        Assert.Contains("SignWith", attachment.Message);
    }

    [Fact]
    public async Task an_entry_the_gateway_accepted_before_a_crash_is_marked_sent_and_reaches_the_recipient_once()
    {
        var content = BusinessDocuments.Appeal("accepted, then the adapter crashed");
        await using var host = Host();
        var id = await host.Outbox.EnqueueRequestAsync(content, cancellationToken: Token);
        // What the crashed process had done: the gateway took the message, the entry was never marked.
        var first = await Gateway.Client("PORTAL").SendRequestAsync(content, new SendOptions(id), Token);

        await host.StartAsync();
        var entry = await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Sent);
        await Gateway.ReceiveAsync("HEALTH", id);
        await Gateway.Client("HEALTH").AckAsync(id, cancellationToken: Token);

        Assert.Equal(first.SendingTimestamp, entry.SentAt);
        await Gateway.AssertNoneHandedOutAsync("HEALTH", [id]);
        Assert.Equal(1, await Gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1", id));
    }

    [Fact]
    public async Task an_entry_whose_message_id_the_gateway_holds_for_other_content_fails_with_message_is_already_sent()
    {
        // The gateway answers a resend of the same content with success (the test above); MessageIsAlreadySent means
        // the MessageID carries something else, so this entry's content never left: failed, not taken for sent.
        await using var host = Host();
        var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("the outbox's version"), cancellationToken: Token);
        await Gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("another version"), new SendOptions(id), Token);

        await host.StartAsync();
        var entry = await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Failed);

        Assert.Equal("MessageIsAlreadySent", entry.Fault);
        Assert.Null(entry.SentAt);
        Assert.Equal(1, host.Counter.Sends);
    }

    [Fact]
    public async Task a_document_that_would_not_read_back_as_xml_is_refused_at_enqueue()
    {
        await using var host = Host();
        // A control character: the DOM writes it as &#x1;, which no XML parser reads back, so no resend could ever send it.
        var content = BusinessDocuments.Appeal("bell \u0001 here");

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => host.Outbox.EnqueueRequestAsync(content, cancellationToken: Token));

        Assert.Contains("read back", refusal.Message);
    }

    [Fact]
    public async Task a_pending_entry_of_a_stopped_host_is_sent_by_the_next_host_on_the_same_store()
    {
        Guid id;
        await using (var stopped = Host())
        {
            id = await stopped.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("left behind"), cancellationToken: Token);
            Assert.Equal(ExchangeOutboxEntryState.Pending, (await stopped.Status.GetStateAsync(id, Token))!.State);
        }

        await using var next = Host();
        await next.StartAsync();
        var received = await Gateway.ReceiveAsync("HEALTH", id);
        await Gateway.Client("HEALTH").AckAsync(id, cancellationToken: Token);

        Assert.Equal("left behind", received.BusinessContent.InnerText);
        Assert.Equal(ExchangeOutboxEntryState.Sent, (await WaitForStateAsync(next, id, ExchangeOutboxEntryState.Sent)).State);
    }

    [Fact]
    public async Task a_fault_that_a_resend_cannot_cure_fails_the_entry_with_its_code_and_it_is_not_sent_again()
    {
        await using var host = Host();
        await host.StartAsync();

        var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("nobody provides this", "urn://exchange.test/unknown/1.0", "Unknown"),
            cancellationToken: Token);
        var entry = await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Failed);
        // Another entry sent after it shows the sender went on without trying the failed one again.
        var later = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("after the failure"), cancellationToken: Token);
        await WaitForStateAsync(host, later, ExchangeOutboxEntryState.Sent);

        Assert.Equal("BusinessDataTypeIsNotSupported", entry.Fault);
        Assert.NotNull(entry.LastError);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(2, host.Counter.Sends);
        Assert.Equal(1, host.Measurements["exchange.adapter.outbox.failed"]);
        Assert.Equal(0, host.Measurements["exchange.adapter.outbox.retried"]);
        await Gateway.ReceiveAsync("HEALTH", later);
        await Gateway.Client("HEALTH").AckAsync(later, cancellationToken: Token);
    }

    [Fact]
    public async Task a_retryable_fault_is_retried_and_the_entry_sent_once_the_gateway_takes_it()
    {
        // Two of HEALTH's own waiting fill its queue on a node that allows one (as in DestinationOverflowTests).
        var portal = Gateway.Client("PORTAL");
        var fillers = new[]
        {
            (await portal.SendRequestAsync(BusinessDocuments.Appeal("filler one"), cancellationToken: Token)).MessageId,
            (await portal.SendRequestAsync(BusinessDocuments.Appeal("filler two"), cancellationToken: Token)).MessageId,
        };
        await Gateway.WaitUntilAsync(async () => await Gateway.CountAsync("SELECT count(*) FROM inbox WHERE message_id = ANY($1)", fillers) == 2);
        var strict = await Gateway.StartNodeAsync("strict-outbox-node",
            new Dictionary<string, string?> { ["Exchange:Delivery:MaxWaitingMessagesPerRecipient"] = "1" });
        try
        {
            await using var host = Host(endpoint: new Uri(new Uri(strict.Urls.First()), Soap.SoapEndpoint.Path));
            await host.StartAsync();

            var id = await host.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal("waits for room"), cancellationToken: Token);
            ExchangeOutboxEntry? postponed = null;
            await Gateway.WaitUntilAsync(async () => (postponed = await host.Status.GetStateAsync(id, Token))?.Attempts == 1);
            await Gateway.WaitUntilAsync(() => Task.FromResult(host.Measurements["exchange.adapter.outbox.pending"] == 1));
            await Gateway.DrainRequestsAsync("HEALTH");
            // The entry's next attempt is due on the clients' clock, which moves only when the test moves it.
            Gateway.Clock.Advance(TimeSpan.FromSeconds(1));
            var sent = await WaitForStateAsync(host, id, ExchangeOutboxEntryState.Sent);
            var received = await Gateway.ReceiveAsync("HEALTH", id);
            await Gateway.Client("HEALTH").AckAsync(id, cancellationToken: Token);

            Assert.Equal(ExchangeOutboxEntryState.Pending, postponed!.State);
            Assert.Contains("DestinationOverflow", postponed.LastError);
            Assert.Equal(2, sent.Attempts);
            // The first attempt and its one retry were refused; the second attempt was taken.
            Assert.Equal(3, host.Counter.Sends);
            Assert.Equal(1, host.Measurements["exchange.adapter.outbox.retried"]);
            Assert.Equal(1, host.Measurements["exchange.adapter.outbox.sent"]);
            Assert.Equal("waits for room", received.BusinessContent.InnerText);
        }
        finally
        {
            await strict.StopAsync(Token);
            await strict.DisposeAsync();
        }
    }
}
