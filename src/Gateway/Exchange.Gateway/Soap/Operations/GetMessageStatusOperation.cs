using System.Xml;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Status;
using Exchange.Protocol;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>
/// GetMessageStatus (our extension, message-status-1.0.wsdl): the sender or the recipient of a message asks for its
/// current status and history; the answer is signed by the gateway like every other.
/// </summary>
public sealed class GetMessageStatusOperation(CallerVerifier callers, MessageStatusLookup lookup, GatewaySigner signer) : ISoapOperation
{
    public string Name => GetMessageStatusRequest.OperationName;

    public string Namespace => ExchangeNamespaces.MessageStatus;

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var get = GetMessageStatusRequest.Parse(request.Operation);
        context.MessageId = get.MessageId;
        var caller = callers.Verify(get.CallerSignature, get.ReferenceElement);
        context.Caller = caller.Mnemonic;

        var status = await lookup.ForParticipantAsync(get.MessageId, caller.Mnemonic, cancellationToken);
        var response = SoapEnvelopeWriter.BuildBody(writer => GetMessageStatusResponse.Write(writer, status));
        signer.SignInto(response, response.RequiredChild(ExchangeNamespaces.MessageStatus, "MessageStatus"), ExchangeNamespaces.MessageStatus);
        return response;
    }
}
