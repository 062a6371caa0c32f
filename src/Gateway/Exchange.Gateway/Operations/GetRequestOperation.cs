using System.Xml;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Protocol;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>GetRequest: hand the caller its oldest waiting request (of the selected type), signed by the gateway.</summary>
public sealed class GetRequestOperation(MessageHandOver handOver, GatewaySigner signer) : ISoapOperation
{
    public string Name => "GetRequest";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        if (await handOver.NextAsync(request, MessageKind.Request, context, cancellationToken) is not var (message, metadata))
        {
            return SoapEnvelopeWriter.BuildBody(writer => GetRequestResponse.Write(writer, null));
        }
        var delivered = new DeliveredRequest(message.Content, metadata, ReplyAddress.For(message))
        {
            Attachments = message.Attachments.Select(a => new AttachmentContent(a.ContentId, a.Content)).ToList(),
            SenderSignatureXml = message.SenderSignature,
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => GetRequestResponse.Write(writer, delivered));
        var requestMessage = response.RequiredChild(SmevNamespaces.Types, "RequestMessage");
        signer.SignInto(requestMessage, requestMessage.RequiredChild(SmevNamespaces.Types, "Request"));
        return response;
    }
}
