using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Acceptance;

/// <summary>
/// What SendRequest and SendResponse share: establish the sender and that its MessageID is new enough; once the
/// message is checked and routed, store it (idempotently by MessageID), wake the relay, and answer a resend with what
/// was stored the first time; and the signed metadata every answer carries.
/// </summary>
public sealed class MessageAcceptance(
    CallerVerifier callers, MessageIdWindow messageIds, MessageStore messages, DestinationCapacity capacity, RelaySignal relay,
    GatewaySigner signer, GatewayMetrics metrics, TimeProvider time, IOptions<SoapOptions> options, ILogger<MessageAcceptance> logger)
{
    private static readonly TimeSpan QuotaWindow = TimeSpan.FromDays(1);

    /// <summary>Who sends the message: the caller that signed <paramref name="signedData"/>, if its MessageID may be accepted.</summary>
    public async Task<Caller> SenderAsync(Guid messageId, XmlElement? callerSignature, XmlElement signedData, SoapCallContext context,
        CancellationToken cancellationToken)
    {
        context.MessageId = messageId;
        var sender = callers.Verify(callerSignature, signedData);
        context.Caller = sender.Mnemonic;
        await messageIds.CheckAsync(messageId, sender.Mnemonic, cancellationToken);
        return sender;
    }

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
                metrics.MessageAccepted(stored.Sender);
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

    /// <summary>
    /// The answer to SendRequest or SendResponse (by the stored message's kind): the stored message's metadata, queued,
    /// signed by the gateway.
    /// </summary>
    /// <param name="recipient">Null for a broadcast, whose copies each name their own.</param>
    public XmlElement Receipt(AcceptedMessage stored, Caller sender, Participant? recipient)
    {
        var isResponse = stored.Kind == MessageKind.Response;
        var metadata = new MessageMetadata
        {
            MessageId = stored.MessageId,
            Kind = stored.Kind,
            Sender = new Party(sender.Mnemonic, sender.Name),
            SendingTimestamp = stored.AcceptedAt,
            Recipient = recipient is null ? null : new Party(recipient.Mnemonic, recipient.Name),
            Status = isResponse ? "responseIsQueued" : "requestIsQueued",
        };
        var response = SoapEnvelopeWriter.BuildBody(isResponse
            ? writer => SendResponseRequest.WriteResponse(writer, metadata)
            : writer => SendRequestRequest.WriteResponse(writer, metadata));
        signer.SignInto(response, response.RequiredChild(SmevNamespaces.Types, "MessageMetadata"));
        return response;
    }
}
