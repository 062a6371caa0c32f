using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Xml;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Signatures xmlsec1 makes from a ds:Signature template with our exported key (encrypted PKCS#8 PEM), checked by
/// <see cref="XmlSignatureVerifier"/>: the indented SignedInfo, folded Base64 and X509Data it writes are all accepted.
/// </summary>
public sealed class WeVerifyXmlsecSignaturesTests
{
    private const string Password = "interop-secret";

    [Theory]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public async Task a_signature_xmlsec1_made_verifies_with_our_verifier(KeyAlgorithm algorithm)
    {
        var key = InteropKeys.For(algorithm).Participant;
        var document = await SignedByXmlsec1(key.Algorithm, TestContext.Current.CancellationToken);

        var verified = XmlSignatureVerifier.Verify(Holder(document), Target(document));

        Assert.Equal(algorithm, verified.Key.Algorithm);
        Assert.Equal(key.SignatureUri, verified.SignatureUri);
        Assert.False(verified.SmevTransform);
        Assert.Equal(key.CertificateDer, verified.CertificateDer);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public async Task a_signature_xmlsec1_made_is_refused_once_the_content_is_changed(KeyAlgorithm algorithm)
    {
        var document = await SignedByXmlsec1(algorithm, TestContext.Current.CancellationToken);
        Target(document).GetElementsByTagName("Text", "urn:appeal")[0]!.InnerText = "Прошу закрыть поликлинику";

        var refusal = Assert.Throws<SignatureException>(() => XmlSignatureVerifier.Verify(Holder(document), Target(document)));

        Assert.Equal(SignatureError.DigestMismatch, refusal.Error);
    }

    private static async Task<XmlDocument> SignedByXmlsec1(KeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        var keys = InteropKeys.For(algorithm);
        using var scratch = new ScratchDirectory();
        var signed = await Xmlsec1.SignAsync(scratch,
            scratch.Write("template.xml", XmlsecTemplate.For(keys.Participant.SignatureUri)),
            XmlsecTemplate.SignedElement,
            scratch.Write("key.pem", keys.Participant.ExportPkcs8Pem(Password)),
            scratch.Write("certificate.pem", keys.ParticipantCertificatePem),
            Password,
            cancellationToken);

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.Load(signed);
        return document;
    }

    private static XmlElement Target(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName(XmlsecTemplate.SignedElement, SignedDocument.Types)[0]!;

    private static XmlElement Holder(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("CallerInformationSystemSignature", SignedDocument.Types)[0]!;
}
