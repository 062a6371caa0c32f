using System.Xml;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Protocol;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>GetResponse: hand the requester its oldest waiting response (of the selected type), signed by the gateway.</summary>
public sealed class GetResponseOperation(MessageHandOver handOver, GatewaySigner signer) : ISoapOperation
{
    public string Name => "GetResponse";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        if (await handOver.NextAsync(request, MessageKind.Response, context, cancellationToken) is not var (message, metadata))
        {
            return SoapEnvelopeWriter.BuildBody(writer => GetResponseResponse.Write(writer, null));
        }
        var delivered = new DeliveredResponse(message.Content, message.OriginalMessageId!.Value, metadata)
        {
            Attachments = message.Attachments.Select(a => new AttachmentContent(a.ContentId, a.Content)).ToList(),
            SenderSignatureXml = message.SenderSignature,
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => GetResponseResponse.Write(writer, delivered));
        var responseMessage = response.RequiredChild(SmevNamespaces.Types, "ResponseMessage");
        signer.SignInto(responseMessage, responseMessage.RequiredChild(SmevNamespaces.Types, "Response"));
        return response;
    }
}
