using System.Security.Cryptography;
using System.Text;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;

namespace Exchange.Gateway.Operations;

/// <summary>
/// What SendRequest and SendResponse share once a message is checked and routed: store it (idempotently by
/// MessageID), wake the relay, and answer a resend with what was stored the first time.
/// </summary>
public sealed class MessageAcceptance(
    MessageStore messages, DestinationCapacity capacity, RelaySignal relay, TimeProvider time, ILogger<MessageAcceptance> logger)
{
    /// <summary>The stored message: the new one, or the one first sent under this MessageID with the same content.</summary>
    public async Task<StoredMessage> AcceptAsync(StoredMessage candidate, StatusChange? originalChange, CancellationToken cancellationToken)
    {
        await capacity.EnsureRoomAsync(candidate, cancellationToken);
        var (outcome, stored) = await messages.AcceptAsync(candidate, candidate.Sender, cancellationToken, originalChange);
        switch (outcome)
        {
            case AcceptOutcome.Accepted:
                relay.Notify();
                Log.Accepted(logger, stored.MessageId, $"{{{stored.NamespaceUri}}}{stored.RootElement}", stored.Sender, stored.Recipient);
                return stored;
            case AcceptOutcome.AlreadyAccepted:
                Log.Resent(logger, stored.MessageId, stored.Sender);
                return stored;
            default:
                throw new SmevFaultException(SmevFault.MessageIsAlreadySent(candidate.MessageId));
        }
    }

    /// <summary>A message to offer for acceptance, with its content hashed as stored.</summary>
    public StoredMessage Candidate(Guid messageId, string kind, string sender, string recipient, Protocol.Messages.MessageType type,
        Guid? referenceMessageId, string? transactionCode, bool isTest, string content) =>
        new(messageId, kind, sender, recipient, type.NamespaceUri, type.RootElement, referenceMessageId, transactionCode, isTest,
            SHA256.HashData(Encoding.UTF8.GetBytes(content)), content, time.GetUtcNow());
}
