using System.Xml;
using Exchange.Gateway.Signing;
using Exchange.Protocol;
using Exchange.Protocol.BusinessTypes;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Directory;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>
/// SendRequest: identify the caller, route by business type, store message + status + outbox row in one
/// transaction, wake the relay, answer with the message's metadata.
/// </summary>
public sealed class SendRequestOperation(
    CallerVerifier callers,
    MessageIdWindow messageIds,
    BusinessTypeRegistry businessTypes,
    PersonalSignatureVerifier personalSignatures,
    GatewaySigner signer,
    ParticipantDirectory directory,
    MessageAcceptance acceptance,
    TimeProvider time) : ISoapOperation
{
    public string Name => "SendRequest";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var send = SendRequestRequest.Parse(request.Operation);
        context.MessageId = send.MessageId;
        var sender = await callers.VerifyAsync(send.CallerSignature, send.RequestData, cancellationToken);
        context.Caller = sender.Mnemonic;
        messageIds.Check(send.MessageId);
        if (send.EndOfLife is { } endOfLife && endOfLife <= time.GetUtcNow())
        {
            throw new SmevFaultException(SmevFault.EndOfLifeReached(endOfLife));
        }

        var type = send.MessageType;
        var recipient = await directory.FindProviderAsync(type.NamespaceUri, type.RootElement, cancellationToken)
            ?? throw new SmevFaultException(SmevFault.BusinessDataTypeIsNotSupported(type.NamespaceUri, type.RootElement));

        businessTypes.Validate(send.BusinessContent);
        personalSignatures.VerifyIfPresent(send.PersonalSignature, send.BusinessContent);
        var stored = await acceptance.AcceptAsync(acceptance.Candidate(send.MessageId, "request", sender.Mnemonic, recipient.Mnemonic,
            type, send.ReferenceMessageId, send.TransactionCode, send.IsTest, send.RequestData.ToStandaloneXml()) with { EndOfLife = send.EndOfLife },
            null, cancellationToken);

        var recipientParty = stored.Recipient == recipient.Mnemonic
            ? recipient
            : await directory.FindAsync(stored.Recipient, cancellationToken) ?? recipient;
        var metadata = new MessageMetadata
        {
            MessageId = stored.MessageId,
            Kind = MessageKind.Request,
            Sender = new Party(sender.Mnemonic, sender.Name),
            SendingTimestamp = stored.AcceptedAt,
            Recipient = new Party(recipientParty.Mnemonic, recipientParty.Name),
            Status = "requestIsQueued",
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => SendRequestRequest.WriteResponse(writer, metadata));
        signer.SignInto(response, response.RequiredChild(SmevNamespaces.Types, "MessageMetadata"));
        return response;
    }
}
