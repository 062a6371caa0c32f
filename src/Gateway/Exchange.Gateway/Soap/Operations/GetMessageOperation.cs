using System.Xml;
using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Acceptance;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Protocol;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>
/// GetRequest or GetResponse, one instance for each <paramref name="queue"/>: verify the caller over its selector,
/// lease it the oldest waiting message of its request or response queue (of the selected type), and answer with that
/// message signed by the gateway. A leased message is hidden from further calls until it is acknowledged or its lease
/// (<see cref="DeliveryOptions.LeaseDuration"/>) runs out. A caller that asks to wait (<see cref="PreferHeader"/>) and
/// finds its queue empty waits, without holding a database connection, until a message reaches its inbox on any node
/// (<see cref="DeliveryWaiters"/>) or the wait, bounded by <see cref="DeliveryOptions.MaxWait"/>, ends.
/// </summary>
public sealed class GetMessageOperation(
    MessageKind queue,
    CallerVerifier callers,
    DirectoryCache directory,
    Inbox inbox,
    GatewaySigner signer,
    GatewayMetrics metrics,
    DeliveryWaiters waiters,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<GetMessageOperation> logger) : ISoapOperation
{
    private readonly string _signedElement = GetMessageResponse.SignedElement(queue);

    public string Name => $"Get{_signedElement}";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var get = GetMessageRequest.Parse(request.Operation);
        var caller = await callers.VerifyOnceAsync(get.CallerSignature, get.SelectorElement, get.Selector.Timestamp, cancellationToken);
        context.Caller = caller.Mnemonic;

        if (queue == MessageKind.Request && get.Selector.Type is { } type && !directory.Current.MayReceive(caller.Participant, type))
        {
            // SMEV: a selector naming a type that is unknown or not the caller's is refused, not answered empty.
            throw new SmevFaultException(SmevFault.UnknownMessageType($"{caller.Mnemonic} receives no messages of type {type}."));
        }
        var leased = context.PreferredWait is { } preferred
            ? await LeaseWaitingAsync(caller, get.Selector.Type, preferred, context, cancellationToken)
            : await LeaseAsync(caller, get.Selector.Type, cancellationToken);
        if (leased is null)
        {
            return SoapEnvelopeWriter.BuildBody(writer => GetMessageResponse.WriteEmpty(writer, queue));
        }

        var message = leased.Message;
        context.MessageId = message.MessageId;
        Log.Delivered(logger, message.MessageId, caller.Mnemonic, leased.DeliveryCount);
        metrics.MessageDelivered(message.AcceptedAt, leased.DeliveredAt, leased.DeliveryCount);
        var delivered = Delivered(message, Metadata(leased, caller)) with
        {
            Attachments = message.Attachments.Select(a => new AttachmentContent(a.ContentId, a.Content)).ToList(),
            SenderSignatureXml = message.SenderSignature,
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => GetMessageResponse.Write(writer, delivered));
        var envelope = response.RequiredChild(SmevNamespaces.Types, $"{_signedElement}Message");
        signer.SignInto(envelope, envelope.RequiredChild(SmevNamespaces.Types, _signedElement));
        return response;
    }

    private Task<LeasedMessage?> LeaseAsync(Caller caller, MessageType? type, CancellationToken cancellationToken) =>
        inbox.LeaseNextAsync(caller.Mnemonic, queue, type?.NamespaceUri, type?.RootElement, time.GetUtcNow(),
            options.Value.LeaseDuration, caller.Mnemonic, cancellationToken);

    /// <summary>
    /// Leases, and while there is nothing waits for the caller's inbox to be woken (or the periodic recheck) and leases
    /// again, until the wait ends. The waiter is registered before the first lease, so a message arriving between a lease
    /// that found nothing and the wait that follows it still wakes it.
    /// </summary>
    private async Task<LeasedMessage?> LeaseWaitingAsync(Caller caller, MessageType? type, TimeSpan preferred, SoapCallContext context,
        CancellationToken cancellationToken)
    {
        using var waiter = waiters.TryAdd(caller.Mnemonic);
        if (waiter is null)
        {
            // Waiting turned off (0) or the node stopping is no news for the operator; a full node is.
            if (options.Value.MaxWaitingCalls > 0 && !waiters.Stopping)
            {
                Log.WaitRefused(logger, Name, caller.Mnemonic, options.Value.MaxWaitingCalls);
            }
            return await LeaseAsync(caller, type, cancellationToken);
        }
        // Whole seconds, as Preference-Applied says them.
        var wait = TimeSpan.FromSeconds(Math.Floor(Math.Min(preferred.TotalSeconds, options.Value.MaxWait.TotalSeconds)));
        context.AppliedWait = wait;
        Log.Waiting(logger, Name, caller.Mnemonic, wait);
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (await LeaseAsync(caller, type, cancellationToken) is { } leased)
            {
                return leased;
            }
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero || waiters.Stopping)
            {
                return null;
            }
            await waiter.WaitAsync(left < options.Value.WaitRecheckInterval ? left : options.Value.WaitRecheckInterval, cancellationToken);
        }
    }

    private DeliveredMessage Delivered(AcceptedMessage message, MessageMetadata metadata) => queue == MessageKind.Request
        ? new DeliveredRequest(message.Content, metadata, ReplyAddress.For(message))
        : new DeliveredResponse(message.Content, message.OriginalMessageId!.Value, metadata);

    private MessageMetadata Metadata(LeasedMessage leased, Caller caller)
    {
        var message = leased.Message;
        var sender = directory.Current.Participant(message.Sender);
        return new MessageMetadata
        {
            MessageId = message.MessageId,
            Kind = message.Kind,
            Sender = new Party(message.Sender, sender?.Name ?? message.Sender),
            SendingTimestamp = message.AcceptedAt,
            Recipient = new Party(caller.Mnemonic, caller.Name),
            DeliveryTimestamp = leased.DeliveredAt,
            Status = "messageIsDelivered",
        };
    }
}
