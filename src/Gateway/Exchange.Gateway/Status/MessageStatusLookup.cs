using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// A message's status and history for a participant that may see them: its sender or its recipient. For anyone else
/// the message does not exist (TargetMessageIsNotFound, word for word what an unknown MessageID gets), as for an Ack of
/// a stranger's message: a participant cannot even learn which MessageIDs others exchange. One query decides both
/// cases, so neither does the time the answer takes tell them apart.
/// </summary>
public sealed class MessageStatusLookup(MessageStore messages)
{
    public async Task<MessageStatusDescription> ForParticipantAsync(Guid messageId, string participant, CancellationToken cancellationToken)
    {
        var message = await messages.PartiesAsync(messageId, participant, cancellationToken)
            ?? throw new SmevFaultException(SmevFault.TargetMessageIsNotFound(messageId) with
            {
                Description = $"No message {messageId} was sent to or by {participant}.",
            });
        var history = await messages.HistoryAsync(messageId, cancellationToken);
        var copies = message.IsBroadcastOriginal
            ? await messages.CopiesAsync(messageId, cancellationToken)
            : [];
        var current = history[^1];
        return new MessageStatusDescription(messageId, message.Sender, message.Recipient, current.Status, current.At,
            message.Kind == MessageKind.Response ? InteractionStatus.ForResponse(current.Status) : InteractionStatus.ForRequest(current.Status),
            history.Select(h => new StatusHistoryEntry(h.Status, h.At, h.Actor, h.Reason)).ToList())
        {
            Copies = copies.Select(BroadcastCopy).ToList(),
        };
    }

    /// <summary>A broadcast's copy as both GetMessageStatus and the operators' tracing API show it.</summary>
    public static BroadcastCopyStatus BroadcastCopy(CopyStatus copy) => new(copy.MessageId, copy.Recipient, copy.Status, copy.At);
}
