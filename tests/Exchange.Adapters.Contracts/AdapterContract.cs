using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;

namespace Exchange.Adapters.Contracts;

/// <summary>
/// What every adapter must do against a real gateway. A subclass gives the <see cref="Gateway"/> and makes the adapter;
/// each test has an adapter of its own (made before, started by the test, stopped after) and looks only at its own
/// messages, so the gateway may be shared by the class.
/// </summary>
public abstract class AdapterContract : IAsyncLifetime
{
    private AdapterUnderTest? _adapter;

    protected abstract ContractGateway Gateway { get; }

    /// <summary>Makes the adapter under test, speaking for <see cref="ContractGateway.AdapterParticipant"/>, not yet started.</summary>
    protected abstract Task<AdapterUnderTest> CreateAdapterAsync(CancellationToken cancellationToken);

    /// <summary>The adapter under test, made and not yet started.</summary>
    protected AdapterUnderTest Adapter => _adapter ?? throw new InvalidOperationException("The adapter is made in InitializeAsync.");

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly ContractFile Scan = new("scan.pdf", "application/pdf", "%PDF-1.4 contract suite scan"u8.ToArray());

    public virtual async ValueTask InitializeAsync()
    {
        _adapter = await CreateAdapterAsync(Token);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task a_request_from_the_counterpart_is_stored_and_acknowledged()
    {
        await Adapter.StartAsync(Token);
        var sent = await SendToAdapterAsync("Is the clinic open on Sunday?");

        await WaitForStatusAsync(sent, "acknowledged");
        Assert.Equal(1, await Adapter.TimesStoredAsync(sent, Token));
    }

    [Fact]
    public async Task a_request_is_acknowledged_only_once_the_adapter_stored_it()
    {
        await Adapter.StartAsync(Token);
        var sent = await SendToAdapterAsync("Acknowledged after the commit");

        // Read in this order, an acknowledged status with nothing stored would be an Ack given before the commit.
        await Eventually.HoldsAsync(async () =>
        {
            var status = await StatusAsync(sent);
            var stored = await Adapter.TimesStoredAsync(sent, Token);
            Assert.False(status == "acknowledged" && stored == 0, $"{sent} is acknowledged but not stored.");
            return status == "acknowledged";
        }, async () => $"{sent} is {await StatusAsync(sent)}.", Token);
    }

    [Fact]
    public async Task a_request_the_adapter_decided_to_send_reaches_the_counterpart_with_its_file()
    {
        await Adapter.StartAsync(Token);
        var sent = await Adapter.DecideToSendRequestAsync("Send the land register extract", [Scan], Token);

        var received = await CounterpartReceivesAsync(sent);
        Assert.Contains("Send the land register extract", received.BusinessContent.InnerText, StringComparison.Ordinal);
        AssertSameFiles([Scan], received.Attachments.Select(a => new ContractFile(a.ContentId, a.MimeType, a.Content.ToArray())));
    }

    [Fact]
    public async Task files_sent_to_the_adapter_are_stored_with_their_message()
    {
        await Adapter.StartAsync(Token);
        var sent = (await Gateway.Counterpart().SendRequestAsync(Adapter.RequestFromCounterpart("With a scan attached"),
            new SendOptions(Attachments: [new OutgoingAttachment("scan", Scan.MimeType, Scan.Content)]), Token)).MessageId;

        await WaitForStatusAsync(sent, "acknowledged");
        AssertSameFiles([Scan], await Adapter.StoredFilesAsync(sent, Token));
    }

    [Fact]
    public async Task a_request_handed_out_again_after_it_was_stored_is_stored_once()
    {
        await Adapter.StartAsync(Token);
        var sent = await SendToAdapterAsync("Delivered twice, registered once");
        await WaitForStatusAsync(sent, "acknowledged");

        await Gateway.HandOutAgainAsync(sent, Token);

        await Eventually.HoldsAsync(async () => await AcknowledgementsAsync(sent) == 2,
            async () => $"{sent} was acknowledged {await AcknowledgementsAsync(sent)} times.", Token);
        Assert.Equal(1, await Adapter.TimesStoredAsync(sent, Token));
    }

    [Fact]
    public async Task a_request_another_client_took_and_left_reaches_the_adapter_when_its_lease_runs_out()
    {
        var sent = await SendToAdapterAsync("Taken by another client first");
        await Eventually.HoldsAsync(async () => await Gateway.AdapterSystem().GetRequestAsync(cancellationToken: Token) is { } taken && taken.MessageId == sent,
            async () => $"{sent} is {await StatusAsync(sent)}.", Token);

        await Adapter.StartAsync(Token);
        await Gateway.ExpireLeasesAsync(Token);

        await WaitForStatusAsync(sent, "acknowledged");
        Assert.Equal(1, await Adapter.TimesStoredAsync(sent, Token));
    }

    [Fact]
    public async Task the_adapters_answer_reaches_the_counterpart_matched_to_the_request_with_its_file()
    {
        await Adapter.StartAsync(Token);
        var request = await SendToAdapterAsync("Please answer with the decision");
        await WaitForStatusAsync(request, "acknowledged");

        var answer = await Adapter.AnswerAsync(request, "The decision is attached", [Scan], Token);

        var response = await CounterpartReceivesResponseAsync(request);
        Assert.Equal(answer, response.MessageId);
        Assert.Empty(response.Rejections);
        AssertSameFiles([Scan], response.Attachments.Select(a => new ContractFile(a.ContentId, a.MimeType, a.Content.ToArray())));
    }

    [Fact]
    public async Task a_response_to_the_adapters_request_is_matched_to_it()
    {
        await Adapter.StartAsync(Token);
        var sent = await Adapter.DecideToSendRequestAsync("Expecting an answer", [], Token);
        var received = await CounterpartReceivesAsync(sent);

        var response = await Gateway.Counterpart().SendResponseAsync(received.ReplyTo!, Adapter.ResponseFromCounterpart(received), cancellationToken: Token);

        var seen = await ResponseSeenAsync(sent, response.MessageId);
        Assert.False(seen.IsRejection);
    }

    [Fact]
    public async Task a_rejection_of_the_adapters_request_is_seen_by_the_adapter()
    {
        await Adapter.StartAsync(Token);
        var sent = await Adapter.DecideToSendRequestAsync("To be rejected", [], Token);
        var received = await CounterpartReceivesAsync(sent);

        var rejection = await Gateway.Counterpart().RejectRequestAsync(received.ReplyTo!, "NO_DATA", "Nothing is known of it", cancellationToken: Token);

        var seen = await ResponseSeenAsync(sent, rejection.MessageId);
        Assert.True(seen.IsRejection);
    }

    [Fact]
    public async Task the_status_stream_of_the_adapters_request_reaches_the_adapter()
    {
        Assert.SkipUnless(Adapter.ReadsStatusStream, "The adapter does not read its status stream (no IExchangeStatusHandler).");
        await Adapter.StartAsync(Token);
        var sent = await Adapter.DecideToSendRequestAsync("Follow me through the status stream", [], Token);

        await CounterpartReceivesAsync(sent);

        await Eventually.HoldsAsync(async () => (await Adapter.StatusesSeenAsync(sent, Token)).Contains("messageIsDelivered"),
            async () => $"The adapter saw {string.Join(", ", await Adapter.StatusesSeenAsync(sent, Token))} for {sent}.", Token);
    }

    private async Task<Guid> SendToAdapterAsync(string text) =>
        (await Gateway.Counterpart().SendRequestAsync(Adapter.RequestFromCounterpart(text), cancellationToken: Token)).MessageId;

    private async Task<string> StatusAsync(Guid messageId) =>
        (await Gateway.Counterpart().GetMessageStatusAsync(messageId, Token)).Status;

    private async Task<int> AcknowledgementsAsync(Guid messageId) =>
        (await Gateway.Counterpart().GetMessageStatusAsync(messageId, Token)).History.Count(h => h.Status == "acknowledged");

    private Task WaitForStatusAsync(Guid messageId, string status) =>
        Eventually.HoldsAsync(async () => await StatusAsync(messageId) == status,
            async () => $"{messageId} is {await StatusAsync(messageId)}, not {status}.", Token);

    /// <summary>The counterpart takes and acknowledges requests until <paramref name="messageId"/> comes; others are earlier tests' leftovers.</summary>
    private async Task<ReceivedRequest> CounterpartReceivesAsync(Guid messageId)
    {
        var counterpart = Gateway.Counterpart();
        ReceivedRequest? own = null;
        await Eventually.HoldsAsync(async () =>
        {
            while (own is null && await counterpart.GetRequestAsync(cancellationToken: Token) is { } received)
            {
                await counterpart.AckAsync(received.MessageId, cancellationToken: Token);
                own = received.MessageId == messageId ? received : null;
            }
            return own is not null;
        }, () => Task.FromResult($"The counterpart was not handed {messageId}."), Token);
        return own!;
    }

    /// <summary>The counterpart takes and acknowledges responses until the one to <paramref name="requestId"/> comes.</summary>
    private async Task<ReceivedResponse> CounterpartReceivesResponseAsync(Guid requestId)
    {
        var counterpart = Gateway.Counterpart();
        ReceivedResponse? own = null;
        await Eventually.HoldsAsync(async () =>
        {
            while (own is null && await counterpart.GetResponseAsync(cancellationToken: Token) is { } received)
            {
                await counterpart.AckAsync(received.MessageId, cancellationToken: Token);
                own = received.OriginalMessageId == requestId ? received : null;
            }
            return own is not null;
        }, () => Task.FromResult($"The counterpart was not handed the response to {requestId}."), Token);
        return own!;
    }

    private async Task<SeenResponse> ResponseSeenAsync(Guid requestId, Guid responseId)
    {
        await Eventually.HoldsAsync(async () => (await Adapter.ResponsesSeenAsync(requestId, Token)).Any(r => r.MessageId == responseId),
            () => Task.FromResult($"The adapter did not store response {responseId} to its request {requestId}."), Token);
        return Assert.Single(await Adapter.ResponsesSeenAsync(requestId, Token), r => r.MessageId == responseId);
    }

    private static void AssertSameFiles(IEnumerable<ContractFile> expected, IEnumerable<ContractFile> actual) =>
        Assert.Equal(expected.Select(f => (f.MimeType, Convert.ToHexString(f.Content))).Order(),
            actual.Select(f => (f.MimeType, Convert.ToHexString(f.Content))).Order());
}
