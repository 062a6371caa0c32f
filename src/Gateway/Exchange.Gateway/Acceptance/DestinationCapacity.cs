using Exchange.Domain.Messages;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Acceptance;

/// <summary>
/// Refuses a new message when its recipient already has more than <see cref="DeliveryOptions.MaxWaitingMessagesPerRecipient"/>
/// messages waiting, with SMEV's DestinationOverflow.
/// </summary>
/// <remarks>
/// The limit is soft. The count is read outside the accepting transaction and without a lock, so senders accepted at
/// the same moment each see the count before the others' messages and may all pass: the queue can exceed the limit by
/// about the number of concurrent sends (plus what is still in the outbox or the broker, which the inbox does not count
/// yet). Making it exact would need one lock per recipient on every send, serialising its senders; a queue this full
/// is a recipient that stopped reading, and a few more messages do not change that.
/// </remarks>
public sealed class DestinationCapacity(Inbox inbox, MessageStore messages, IOptions<DeliveryOptions> options, IOptions<GatewayOptions> gateway)
{
    /// <param name="copies">For a broadcast, its copies: every recipient must have room, or nothing is stored.</param>
    public async Task EnsureRoomAsync(AcceptedMessage candidate, IReadOnlyList<AcceptedMessage>? copies, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxWaitingMessagesPerRecipient;
        string? full = null;
        foreach (var recipient in copies?.Select(c => c.Recipient) ?? [candidate.Recipient])
        {
            if (await inbox.HasMoreWaitingThanAsync(recipient, limit, cancellationToken))
            {
                full = recipient;
                break;
            }
        }
        if (full is null)
        {
            return;
        }
        // A resend of a message accepted before the queue filled up is answered as before, not refused.
        if (await messages.FindAsync(candidate.MessageId, cancellationToken) is { } existing && existing.Sender == candidate.Sender)
        {
            return;
        }
        throw new SmevFaultException(SmevFault.DestinationOverflow(gateway.Value.NodeName,
            DeliveryTopology.RecipientQueue(full),
            $"{full} has more than {limit} messages waiting to be taken; nothing was stored. Send again later with the same MessageID."));
    }
}
