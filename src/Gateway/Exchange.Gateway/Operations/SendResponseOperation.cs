using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Directory;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>
/// SendResponse: a provider answers a request it received. The answer goes back to the requester (named by the
/// request's ReplyTo, copied into To); the request's history records it as answered, or rejected.
/// </summary>
public sealed class SendResponseOperation(
    CallerVerifier callers,
    MessageIdWindow messageIds,
    BusinessTypeRegistry businessTypes,
    GatewaySigner signer,
    ParticipantDirectory directory,
    MessageStore messages,
    RelaySignal relay,
    TimeProvider time,
    ILogger<SendResponseOperation> logger) : ISoapOperation
{
    public string Name => "SendResponse";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var send = SendResponseRequest.Parse(request.Operation);
        context.MessageId = send.MessageId;
        var responder = await callers.VerifyAsync(send.CallerSignature, send.ResponseData, cancellationToken);
        context.Caller = responder.Mnemonic;
        messageIds.Check(send.MessageId);

        var original = await OriginalRequestAsync(send.To, responder, cancellationToken);
        var requester = await directory.FindAsync(original.Sender, cancellationToken)
            ?? throw new SmevFaultException(SmevFault.RecipientIsNotFound($"The requester {original.Sender} is no longer registered."));

        if (send.BusinessContent is { } document)
        {
            businessTypes.Validate(document);
        }
        var type = send.MessageType;
        var content = send.ResponseData.ToStandaloneXml();
        var candidate = new StoredMessage(
            send.MessageId, "response", responder.Mnemonic, requester.Mnemonic, type.NamespaceUri, type.RootElement,
            original.MessageId, null, original.IsTest, SHA256.HashData(Encoding.UTF8.GetBytes(content)), content, time.GetUtcNow())
        {
            OriginalMessageId = original.MessageId,
        };
        var change = send.Content == ResponseContent.Rejection
            ? new StatusChange(original.MessageId, MessageStatus.Rejected, $"rejected by {responder.Mnemonic}: {string.Join(", ", send.RejectionReasons)}")
            : new StatusChange(original.MessageId, MessageStatus.Answered,
                send.Content == ResponseContent.Status ? $"intermediate status from {responder.Mnemonic}" : null);

        var (outcome, stored) = await messages.AcceptAsync(candidate, responder.Mnemonic, cancellationToken, change);
        switch (outcome)
        {
            case AcceptOutcome.Accepted:
                relay.Notify();
                Log.Accepted(logger, stored.MessageId, type.ToString(), responder.Mnemonic, requester.Mnemonic);
                break;
            case AcceptOutcome.AlreadyAccepted:
                Log.Resent(logger, stored.MessageId, responder.Mnemonic);
                break;
            default:
                throw new SmevFaultException(SmevFault.MessageIsAlreadySent(send.MessageId));
        }

        var metadata = new MessageMetadata
        {
            MessageId = stored.MessageId,
            Kind = MessageKind.Response,
            Sender = new Party(responder.Mnemonic, responder.Name),
            SendingTimestamp = stored.AcceptedAt,
            Recipient = new Party(requester.Mnemonic, requester.Name),
            Status = "responseIsQueued",
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => SendResponseRequest.WriteResponse(writer, metadata));
        signer.SignInto(response, response.RequiredChild(SmevNamespaces.Types, "MessageMetadata"));
        return response;
    }

    /// <summary>The request the response answers: it must exist, and have been sent to the responder.</summary>
    private async Task<StoredMessage> OriginalRequestAsync(string to, Participant responder, CancellationToken cancellationToken)
    {
        var address = ReplyAddress.Parse(to);
        var original = address is null ? null : await messages.FindAsync(address.Mid, cancellationToken);
        if (original is null || original.Kind != "request" || original.Recipient != responder.Mnemonic || original.Sender != address!.Mnm)
        {
            throw new SmevFaultException(SmevFault.RequestIsNotFound(
                $"To does not name a request that {responder.Mnemonic} received; copy it from the request's ReplyTo."));
        }
        return original;
    }
}
