using System.Security.Cryptography;
using System.Text;
using Exchange.Domain.Messages;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Operations;

/// <summary>
/// What SendRequest and SendResponse share once a message is checked and routed: store it (idempotently by
/// MessageID), wake the relay, and answer a resend with what was stored the first time.
/// </summary>
public sealed class MessageAcceptance(
    MessageStore messages, DestinationCapacity capacity, RelaySignal relay, TimeProvider time, IOptions<SoapOptions> options,
    ILogger<MessageAcceptance> logger)
{
    private static readonly TimeSpan QuotaWindow = TimeSpan.FromDays(1);

    /// <summary>The stored message: the new one, or the one first sent under this MessageID with the same content.</summary>
    /// <param name="copies">For a broadcast: its copy for each recipient.</param>
    /// <param name="routeReason">Why it goes where it goes, for the status history.</param>
    public async Task<AcceptedMessage> AcceptAsync(AcceptedMessage candidate, StatusChange? originalChange, CancellationToken cancellationToken,
        IReadOnlyList<AcceptedMessage>? copies = null, string? routeReason = null)
    {
        await capacity.EnsureRoomAsync(candidate, copies, cancellationToken);
        var quota = new AttachmentQuota(options.Value.AttachmentQuotaBytesPerDay, candidate.AcceptedAt - QuotaWindow);
        var (outcome, stored) = await messages.AcceptAsync(candidate, candidate.Sender, cancellationToken, originalChange, copies, routeReason, quota);
        switch (outcome)
        {
            case AcceptOutcome.Accepted:
                relay.Notify();
                Log.Accepted(logger, stored.MessageId, $"{{{stored.NamespaceUri}}}{stored.RootElement}", stored.Sender, stored.Recipient);
                if (stored.Attachments.Count > 0)
                {
                    Log.AttachmentsAccepted(logger, stored.MessageId, stored.Attachments.Count, stored.AttachmentBytes);
                }
                return stored;
            case AcceptOutcome.QuotaExceeded:
                var used = await messages.AttachmentBytesSinceAsync(candidate.Sender, quota.Since, cancellationToken);
                throw new SmevFaultException(SmevFault.QuoteLimitExceeded(Math.Max(0, quota.Bytes - used), candidate.AttachmentBytes));
            case AcceptOutcome.AlreadyAccepted:
                Log.Resent(logger, stored.MessageId, stored.Sender);
                return stored;
            default:
                throw new SmevFaultException(SmevFault.MessageIsAlreadySent(candidate.MessageId));
        }
    }

    /// <summary>A message to offer for acceptance, with its content hashed as stored.</summary>
    public AcceptedMessage Candidate(Guid messageId, MessageKind kind, string sender, string recipient, Protocol.Messages.MessageType type,
        Guid? referenceMessageId, string? transactionCode, bool isTest, string content) =>
        new(messageId, kind, sender, recipient, type.NamespaceUri, type.RootElement, referenceMessageId, transactionCode, isTest,
            SHA256.HashData(Encoding.UTF8.GetBytes(content)), content, time.GetUtcNow());
}
