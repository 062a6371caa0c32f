using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Our plain XMLDSig signatures (exclusive c14n, no SMEV transform, which xmlsec1 does not know) as xmlsec1 sees them,
/// with the key taken from our ds:KeyInfo and trusted through the issuing authority.
/// </summary>
public sealed class XmlsecVerifiesOurSignaturesTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public async Task xmlsec1_verifies_a_signature_we_made(KeyAlgorithm algorithm)
    {
        var keys = InteropKeys.For(algorithm);
        using var scratch = new ScratchDirectory();
        var document = scratch.Write("signed-by-us.xml", new SignedDocument(keys.Participant, smevTransform: false).Document.OuterXml);

        var result = await Xmlsec1.VerifyAsync(scratch, document, XmlsecTemplate.SignedElement,
            scratch.Write("ca.pem", keys.AuthorityCertificatePem), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.ToString());
        // xmlsec1 reports the outcome on stderr.
        Assert.StartsWith("OK\n", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("SignedInfo References (ok/all): 1/1", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public async Task xmlsec1_rejects_a_signature_we_made_once_the_content_is_changed(KeyAlgorithm algorithm)
    {
        var keys = InteropKeys.For(algorithm);
        using var scratch = new ScratchDirectory();
        var signed = new SignedDocument(keys.Participant, smevTransform: false);
        signed.Target.GetElementsByTagName("Text", "urn:appeal")[0]!.InnerText = "Прошу закрыть поликлинику";
        var document = scratch.Write("tampered.xml", signed.Document.OuterXml);

        var result = await Xmlsec1.VerifyAsync(scratch, document, XmlsecTemplate.SignedElement,
            scratch.Write("ca.pem", keys.AuthorityCertificatePem), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("data and digest do not match", result.StandardError, StringComparison.Ordinal);
    }
}
