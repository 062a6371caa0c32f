using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Xml;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// A SendRequestRequest-shaped document, like <see cref="SignedDocument"/>, whose CallerInformationSystemSignature holds
/// an empty ds:Signature template for xmlsec1 to fill: one "#id" reference, exclusive c14n for SignedInfo and the
/// reference, SHA-256, the key's certificate in X509Data.
/// </summary>
internal static class XmlsecTemplate
{
    public const string SignedElement = "SenderProvidedRequestData";

    public static string For(string signatureUri) => $"""
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
        <ns:SendRequestRequest xmlns:ns="{SignedDocument.Types}">
          <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
            <ns:MessageID>133b4229-6340-11ec-ba07-fa163e24a723</ns:MessageID>
            <ns:Content xmlns:a="urn:appeal"><a:Text lang="ru">Прошу продлить часы работы поликлиники</a:Text></ns:Content>
          </ns:SenderProvidedRequestData>
          <ns:CallerInformationSystemSignature><ds:Signature xmlns:ds="{XmlDsig.Namespace}">
            <ds:SignedInfo>
              <ds:CanonicalizationMethod Algorithm="{XmlDsig.ExclusiveC14N}"/>
              <ds:SignatureMethod Algorithm="{signatureUri}"/>
              <ds:Reference URI="#SIGNED_BY_CONSUMER">
                <ds:Transforms><ds:Transform Algorithm="{XmlDsig.ExclusiveC14N}"/></ds:Transforms>
                <ds:DigestMethod Algorithm="{AlgorithmUris.Sha256}"/>
                <ds:DigestValue/>
              </ds:Reference>
            </ds:SignedInfo>
            <ds:SignatureValue/>
            <ds:KeyInfo><ds:X509Data/></ds:KeyInfo>
          </ds:Signature></ns:CallerInformationSystemSignature>
        </ns:SendRequestRequest></s:Body></s:Envelope>
        """;
}
