using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// A message's status and history for a participant that may see them: its sender or its recipient. Anyone else is
/// refused with AccessDenied; an unknown MessageID is TargetMessageIsNotFound. A stranger can thus tell that a MessageID
/// exists, which is all it learns: MessageIDs are random UUIDs the gateway never lists, and the content stays hidden.
/// </summary>
public sealed class MessageStatusLookup(MessageStore messages)
{
    public async Task<MessageStatusDescription> ForParticipantAsync(Guid messageId, string participant, CancellationToken cancellationToken)
    {
        var message = await messages.FindAsync(messageId, cancellationToken);
        if (message is null)
        {
            throw new SmevFaultException(SmevFault.TargetMessageIsNotFound(messageId) with
            {
                Description = $"No message {messageId} was accepted by this gateway.",
            });
        }
        if (participant != message.Sender && participant != message.Recipient)
        {
            throw new SmevFaultException(SmevFault.AccessDenied(
                $"{participant} neither sent nor received message {messageId}; only they may ask for its status."));
        }
        var history = await messages.HistoryAsync(messageId, cancellationToken);
        var current = history[^1];
        return new MessageStatusDescription(message.MessageId, message.Sender, message.Recipient, current.Status, current.At,
            message.Kind == "response" ? InteractionStatus.ForResponse(current.Status) : InteractionStatus.ForRequest(current.Status),
            history.Select(h => new StatusHistoryEntry(h.Status, h.At, h.Actor, h.Reason)).ToList());
    }
}
