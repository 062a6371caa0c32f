using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Xml;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests.SenderSignatures;

/// <summary>
/// Stands between a recipient and the gateway as a gateway that changes what a sender wrote would: it alters the
/// delivered <c>SenderProvidedRequestData</c> and signs the result again with the gateway's own (trusted) key, so the
/// SDK's check of <c>SMEVSignature</c> passes and only the sender's signature can tell.
/// </summary>
public sealed class RewritingGateway(SigningKey gatewayKey, Action<XmlElement> alterRequestData) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new MemoryStream(await response.Content.ReadAsByteArrayAsync(cancellationToken)));
        if (document.GetElementsByTagName("RequestMessage", SmevNamespaces.Types).OfType<XmlElement>().SingleOrDefault() is { } message)
        {
            var delivered = message.RequiredChild(SmevNamespaces.Types, "Request");
            alterRequestData(delivered.RequiredChild(SmevNamespaces.Types, "SenderProvidedRequestData"));
            var holder = message.RequiredChild(SmevNamespaces.Types, "SMEVSignature");
            holder.RemoveAll();
            holder.AppendChild(XmlSigner.Sign(delivered, gatewayKey));
        }
        var rewritten = new ByteArrayContent(Encoding.UTF8.GetBytes(document.OuterXml));
        rewritten.Headers.ContentType = response.Content.Headers.ContentType;
        response.Content = rewritten;
        return response;
    }
}
