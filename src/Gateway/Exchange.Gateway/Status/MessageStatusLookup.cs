using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// A message's status and history for a participant that may see them: its sender or its recipient. For anyone else
/// the message does not exist (TargetMessageIsNotFound, word for word what an unknown MessageID gets), as for an Ack of
/// a stranger's message: a participant cannot even learn which MessageIDs others exchange. The log says which it was.
/// </summary>
public sealed partial class MessageStatusLookup(MessageStore messages, ILogger<MessageStatusLookup> logger)
{
    public async Task<MessageStatusDescription> ForParticipantAsync(Guid messageId, string participant, CancellationToken cancellationToken)
    {
        var message = await messages.FindAsync(messageId, cancellationToken);
        if (message is null || (participant != message.Sender && participant != message.Recipient))
        {
            if (message is not null)
            {
                LogStranger(messageId, participant, message.Sender, message.Recipient);
            }
            throw new SmevFaultException(SmevFault.TargetMessageIsNotFound(messageId) with
            {
                Description = $"No message {messageId} was sent to or by {participant}.",
            });
        }
        var history = await messages.HistoryAsync(messageId, cancellationToken);
        var copies = message.IsBroadcastOriginal
            ? await messages.CopiesAsync(messageId, cancellationToken)
            : [];
        var current = history[^1];
        return new MessageStatusDescription(message.MessageId, message.Sender, message.Recipient, current.Status, current.At,
            message.Kind == "response" ? InteractionStatus.ForResponse(current.Status) : InteractionStatus.ForRequest(current.Status),
            history.Select(h => new StatusHistoryEntry(h.Status, h.At, h.Actor, h.Reason)).ToList())
        {
            Copies = copies.Select(c => new BroadcastCopyStatus(c.MessageId, c.Recipient, c.Status, c.At)).ToList(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Participant} asked for the status of message {MessageId}, which it neither sent nor received ({Sender} to {Recipient})")]
    private partial void LogStranger(Guid messageId, string participant, string sender, string recipient);
}
