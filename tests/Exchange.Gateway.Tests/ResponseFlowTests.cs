using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests;

public sealed class ResponseFlowTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(Guid RequestId, ReceivedRequest Received)> RequestReceivedByHealthAsync(string text)
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(text), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        Assert.Equal(sent.MessageId, received.MessageId);
        return (sent.MessageId, received);
    }

    private Task<ReceivedResponse> ResponseForPortalAsync(Guid requestId) => gateway.ReceiveResponseAsync("PORTAL", requestId);

    [Fact]
    public async Task an_answer_goes_back_to_the_requester_and_both_histories_show_it()
    {
        var (requestId, received) = await RequestReceivedByHealthAsync("When is the clinic open?");

        var answer = await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!,
            BusinessDocuments.Appeal("Monday to Saturday, 8:00 to 20:00", root: "AppealAnswer"), cancellationToken: Token);
        Assert.Equal("responseIsQueued", answer.Status);
        Assert.Equal("PORTAL", answer.Recipient!.Mnemonic);

        var response = await ResponseForPortalAsync(requestId);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);

        Assert.Equal(answer.MessageId, response.MessageId);
        Assert.Equal(requestId, response.OriginalMessageId);
        Assert.Equal("Monday to Saturday, 8:00 to 20:00", response.BusinessContent!.InnerText);
        Assert.Equal("HEALTH", response.Metadata.Sender!.Mnemonic);
        var request = await gateway.Client("PORTAL").GetMessageStatusAsync(requestId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged", "answered"], request.History.Select(h => h.Status));
        var reply = await gateway.Client("PORTAL").GetMessageStatusAsync(answer.MessageId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], reply.History.Select(h => h.Status));
    }

    [Fact]
    public async Task a_rejection_reaches_the_requester_and_marks_the_request_rejected()
    {
        var (requestId, received) = await RequestReceivedByHealthAsync("Give me someone else's medical records");

        await gateway.Client("HEALTH").RejectRequestAsync(received.ReplyTo!, "ACCESS_DENIED", "Medical secrecy", cancellationToken: Token);

        var response = await ResponseForPortalAsync(requestId);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);
        Assert.Null(response.BusinessContent);
        Assert.Equal(["ACCESS_DENIED"], response.Rejections);
        var last = (await gateway.Client("PORTAL").GetMessageStatusAsync(requestId, Token)).History[^1];
        Assert.Equal("rejected", last.Status);
        Assert.Contains("ACCESS_DENIED", last.Reason);
    }

    [Fact]
    public async Task only_the_recipient_of_a_request_can_answer_it()
    {
        var (_, received) = await RequestReceivedByHealthAsync("Who may answer this?");

        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.Client("RSA_BODY").SendResponseAsync(received.ReplyTo!, BusinessDocuments.Appeal("me"), cancellationToken: Token));

        Assert.Equal("RequestIsNotFound", fault.Element);
    }

    [Fact]
    public async Task an_answer_must_be_of_a_response_type_of_the_directory_and_nothing_is_stored_otherwise()
    {
        var (requestId, received) = await RequestReceivedByHealthAsync("Answer me properly");
        Guid[] refusedIds = [MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()), MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())];

        var unknown = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() => gateway.Client("HEALTH").SendResponseAsync(
            received.ReplyTo!, BusinessDocuments.Appeal("?", root: "Shrug"), refusedIds[0], cancellationToken: Token));
        var aRequestType = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() => gateway.Client("HEALTH").SendResponseAsync(
            received.ReplyTo!, BusinessDocuments.Appeal("a request is no answer"), refusedIds[1], cancellationToken: Token));

        Assert.Equal("BusinessDataTypeIsNotSupported", unknown.Element);
        Assert.Contains("not a response type", aRequestType.Message);
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = ANY($1)", refusedIds));
        await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!, BusinessDocuments.Appeal("now properly", root: "AppealAnswer"),
            cancellationToken: Token);
        Assert.Equal("answered", (await gateway.Client("PORTAL").GetMessageStatusAsync(requestId, Token)).History[^1].Status);
    }

    [Fact]
    public async Task an_answer_to_an_address_the_gateway_never_issued_is_refused()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.Client("HEALTH").SendResponseAsync("bm90IGFuIGFkZHJlc3M=", BusinessDocuments.Appeal("x"), cancellationToken: Token));
        Assert.Equal("RequestIsNotFound", fault.Element);
    }

    [Fact]
    public async Task a_rejection_code_outside_smevs_list_is_refused()
    {
        var (_, received) = await RequestReceivedByHealthAsync("Odd rejection");

        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.UncheckedClient("HEALTH").RejectRequestAsync(received.ReplyTo!, "BECAUSE", "no", cancellationToken: Token));
        Assert.Equal("InvalidContent", fault.Element);
    }

    [Fact]
    public async Task a_provider_with_no_responses_waiting_gets_an_empty_answer()
    {
        // A participant of its own: nothing any other test does can put a response in its queue.
        await new Directory.DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("NO_RESPONSES", "regional_body");

        Assert.Null(await gateway.Client(GatewayFixture.SystemOf("NO_RESPONSES")).GetResponseAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task the_senders_status_stream_reports_queued_delivered_and_processed_once_each()
    {
        var (requestId, received) = await RequestReceivedByHealthAsync("Status stream please");
        var rejection = await gateway.Client("HEALTH").RejectRequestAsync(received.ReplyTo!, "NO_DATA", "Nothing on file", cancellationToken: Token);

        // PORTAL's stream also holds events of earlier tests' messages: keep those about this test's request and its answer.
        bool Own(Protocol.Messages.ProcessingStatus e) => e.OriginalMessageId == requestId || e.OriginalMessageId == rejection.MessageId;
        var events = (await gateway.TakeStatusEventsAsync("PORTAL")).Where(Own).ToList();

        Assert.All(events, e => Assert.Equal(requestId, e.OriginalMessageId));
        Assert.Equal(["requestIsQueued", "messageIsDelivered", "requestIsRejectedBySmev"], events.Select(e => e.StatusCategory));
        Assert.Contains("NO_DATA", events[^1].Details);
        Assert.DoesNotContain(await gateway.TakeStatusEventsAsync("PORTAL"), Own);
        var response = await ResponseForPortalAsync(requestId);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);
    }
}
