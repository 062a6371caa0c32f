using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Adapters.Sdk;

/// <summary>Builds a signed SMEV request envelope: <c>soap:Envelope/soap:Body/{operation}</c>.</summary>
public sealed class RequestEnvelope
{
    private readonly XmlDocument _document = new() { PreserveWhitespace = true };

    /// <param name="operationNamespace">SMEV's types namespace, or one of our extensions'.</param>
    public RequestEnvelope(string operationElement, string operationNamespace = SmevNamespaces.Types)
    {
        var envelope = _document.CreateElement("soap", "Envelope", SmevNamespaces.Soap11);
        _document.AppendChild(envelope);
        var body = envelope.AppendChild(_document.CreateElement("soap", "Body", SmevNamespaces.Soap11))!;
        Operation = (XmlElement)body.AppendChild(_document.CreateElement("ns", operationElement, operationNamespace))!;
    }

    public XmlElement Operation { get; }

    public XmlElement Add(XmlElement parent, string namespaceUri, string localName, string? text = null)
    {
        var prefix = namespaceUri == SmevNamespaces.Basic ? "basic" : "ns";
        var element = (XmlElement)parent.AppendChild(_document.CreateElement(prefix, localName, namespaceUri))!;
        if (text is not null)
        {
            element.InnerText = text;
        }
        return element;
    }

    public XmlElement Import(XmlElement parent, XmlElement content) =>
        (XmlElement)parent.AppendChild(_document.ImportNode(content, deep: true))!;

    /// <summary>Signs <paramref name="target"/> (which must carry an Id) into <c>CallerInformationSystemSignature</c>.</summary>
    public void SignAsCaller(XmlElement target, SigningKey key)
    {
        var holder = Add(Operation, Operation.NamespaceURI, "CallerInformationSystemSignature");
        holder.AppendChild(XmlSigner.Sign(target, key));
    }

    /// <summary>
    /// The request as HTTP content: text/xml, or with <paramref name="mtom"/> multipart/related with the attachment
    /// contents as binary parts (only AttachmentContentList changes, which no signature covers). An MTOM request without
    /// attachments is still MTOM, so the gateway answers with MTOM too.
    /// </summary>
    public HttpContent ToHttpContent(bool mtom)
    {
        if (!mtom)
        {
            var text = new ByteArrayContent(ToBytes());
            text.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            return text;
        }
        var parts = Exchange.Protocol.Mtom.MtomWriter.ExtractParts(Operation);
        var (contentType, body) = Exchange.Protocol.Mtom.MtomWriter.Package(ToBytes(), parts);
        var multipart = new ByteArrayContent(body);
        multipart.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return multipart;
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            _document.Save(writer);
        }
        return buffer.ToArray();
    }
}
