using System.Xml;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Xml;

/// <summary>A SendRequestRequest-shaped document whose request data is signed into CallerInformationSystemSignature.</summary>
internal sealed class SignedDocument
{
    public const string Types = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3";

    public SignedDocument(SigningKey key, bool smevTransform = true)
    {
        Document = new XmlDocument { PreserveWhitespace = true };
        Document.LoadXml($"""
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
            <ns:SendRequestRequest xmlns:ns="{Types}">
              <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
                <ns:MessageID>133b4229-6340-11ec-ba07-fa163e24a723</ns:MessageID>
                <ns:Content xmlns:a="urn:appeal"><a:Text lang="ru">Прошу продлить часы работы поликлиники</a:Text></ns:Content>
              </ns:SenderProvidedRequestData>
              <ns:CallerInformationSystemSignature/>
            </ns:SendRequestRequest></s:Body></s:Envelope>
            """);
        Holder.AppendChild(XmlSigner.Sign(Target, key, smevTransform));
    }

    public XmlDocument Document { get; }

    public XmlElement Operation => (XmlElement)Document.GetElementsByTagName("SendRequestRequest", Types)[0]!;

    public XmlElement Target => (XmlElement)Document.GetElementsByTagName("SenderProvidedRequestData", Types)[0]!;

    public XmlElement Holder => (XmlElement)Document.GetElementsByTagName("CallerInformationSystemSignature", Types)[0]!;

    public XmlElement Signature(string localName) => (XmlElement)Holder.GetElementsByTagName(localName, XmlDsig.Namespace)[0]!;

    public VerifiedSignature Verify() => XmlSignatureVerifier.Verify(Holder, Target);

    public SignatureError Refusal() => Assert.Throws<SignatureException>(Verify).Error;

    /// <summary>Reloads the document from its text, as the receiving side would see it.</summary>
    public SignedDocument Reparsed()
    {
        var text = Document.OuterXml;
        Document.LoadXml(text);
        return this;
    }
}
