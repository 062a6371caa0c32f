using Exchange.Domain.Delivery;
using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Operations;

/// <summary>
/// What GetRequest and GetResponse share: verify the caller over its selector, lease the caller's oldest waiting
/// message of the kind (and selected type), and describe it in SMEV's metadata.
/// </summary>
public sealed class MessageHandOver(
    CallerVerifier callers,
    DirectoryCache directory,
    Inbox inbox,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<MessageHandOver> logger)
{
    /// <returns>The leased message and its metadata; null when the caller has nothing waiting.</returns>
    public async Task<(AcceptedMessage Message, MessageMetadata Metadata)?> NextAsync(
        SoapRequest request, MessageKind kind, SoapCallContext context, CancellationToken cancellationToken)
    {
        var get = GetMessageRequest.Parse(request.Operation);
        var caller = await callers.VerifyOnceAsync(get.CallerSignature, get.SelectorElement, get.Selector.Timestamp, cancellationToken);
        context.Caller = caller.Mnemonic;

        if (kind == MessageKind.Request && get.Selector.Type is { } type && !directory.Current.MayReceive(caller.Participant, type))
        {
            // SMEV: a selector naming a type that is unknown or not the caller's is refused, not answered empty.
            throw new SmevFaultException(SmevFault.UnknownMessageType($"{caller.Mnemonic} receives no messages of type {type}."));
        }
        var leased = await inbox.LeaseNextAsync(caller.Mnemonic, kind, get.Selector.Type?.NamespaceUri,
            get.Selector.Type?.RootElement, time.GetUtcNow(), options.Value.LeaseDuration, caller.Mnemonic, cancellationToken);
        if (leased is null)
        {
            return null;
        }

        var message = leased.Message;
        context.MessageId = message.MessageId;
        Log.Delivered(logger, message.MessageId, caller.Mnemonic, leased.DeliveryCount);
        var sender = directory.Current.Participant(message.Sender);
        return (message, new MessageMetadata
        {
            MessageId = message.MessageId,
            Kind = message.Kind,
            Sender = new Party(message.Sender, sender?.Name ?? message.Sender),
            SendingTimestamp = message.AcceptedAt,
            Recipient = new Party(caller.Mnemonic, caller.Name),
            DeliveryTimestamp = leased.DeliveredAt,
            Status = "messageIsDelivered",
        });
    }
}
