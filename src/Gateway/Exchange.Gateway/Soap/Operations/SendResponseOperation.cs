using System.Xml;
using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Gateway.Acceptance;
using Exchange.Gateway.Attachments;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>
/// SendResponse: a provider answers a request it received. The answer goes back to the requester (named by the
/// request's ReplyTo, copied into To); the request's history records it as answered, or rejected.
/// </summary>
public sealed class SendResponseOperation(
    BusinessTypeRegistry businessTypes,
    PersonalSignatureVerifier personalSignatures,
    DirectoryCache directory,
    MessageStore messages,
    MessageAcceptance acceptance,
    AttachmentIntake attachments) : ISoapOperation
{
    public string Name => "SendResponse";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var send = SendResponseRequest.Parse(request.Operation);
        var responder = await acceptance.SenderAsync(send.MessageId, send.CallerSignature, send.ResponseData, context, cancellationToken);

        var original = await OriginalRequestAsync(send.To, responder, cancellationToken);
        var requester = directory.Current.Participant(original.Sender) is { IsActive: true } active ? active
            : throw new SmevFaultException(SmevFault.RecipientIsNotFound($"The requester {original.Sender} is no longer registered."));

        if (send.BusinessContent is { } document)
        {
            RequireResponseType(MessageType.Of(document));
            businessTypes.Validate(document);
            personalSignatures.VerifyIfPresent(send.PersonalSignature, document);
        }
        var candidate = acceptance.Candidate(send.MessageId, MessageKind.Response, responder.Mnemonic, requester.Mnemonic, send.MessageType,
            original.MessageId, null, original.IsTest, send.ResponseData.ToStandaloneXml()) with
            {
                OriginalMessageId = original.MessageId,
                Attachments = attachments.Take(send.AttachmentHeaders, request),
                SenderSignature = SenderSignature.Keep(send.CallerSignature!),
            };
        var change = send.Content == ResponseContent.Rejection
            ? new StatusChange(original.MessageId, MessageStatus.Rejected, $"rejected by {responder.Mnemonic}: {string.Join(", ", send.RejectionReasons)}")
            : new StatusChange(original.MessageId, MessageStatus.Answered,
                send.Content == ResponseContent.Status ? $"intermediate status from {responder.Mnemonic}" : null);

        var stored = await acceptance.AcceptAsync(candidate, change, cancellationToken);

        return acceptance.Receipt(stored, responder, requester);
    }

    /// <summary>An answer's document must be of a response type the directory knows (and has not retired).</summary>
    private void RequireResponseType(MessageType type)
    {
        var registered = directory.Current.Type(type);
        if (registered is not { IsActive: true, Kind: MessageTypeKind.Response })
        {
            throw new SmevFaultException(SmevFault.BusinessDataTypeIsNotSupported(type.NamespaceUri, type.RootElement,
                registered is null ? $"Type {type} is not registered in the directory."
                : !registered.IsActive ? $"Type {type} was retired from the directory on {registered.RetiredAt:O}."
                : $"Type {type} is not a response type; answer with one of the directory's response types."));
        }
    }

    /// <summary>The request the response answers: it must exist, and have been sent to the responder.</summary>
    private async Task<AcceptedMessage> OriginalRequestAsync(string to, Caller responder, CancellationToken cancellationToken)
    {
        var address = ReplyAddress.Parse(to);
        var original = address is null ? null : await messages.FindAsync(address.Mid, cancellationToken);
        if (original is null || original.Kind != MessageKind.Request || original.Recipient != responder.Mnemonic || original.Sender != address!.Mnm)
        {
            throw new SmevFaultException(SmevFault.RequestIsNotFound(
                $"To does not name a request that {responder.Mnemonic} received; copy it from the request's ReplyTo."));
        }
        return original;
    }
}
