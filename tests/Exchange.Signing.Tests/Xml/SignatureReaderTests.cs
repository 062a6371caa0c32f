using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Xml;

/// <summary>A kept signature tells who made it and with which algorithm, read as the verifier reads it.</summary>
public sealed class SignatureReaderTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Gost2012_256, "GOST R 34.10-2012 256")]
    [InlineData(KeyAlgorithm.Gost2012_512, "GOST R 34.10-2012 512")]
    [InlineData(KeyAlgorithm.Rsa, "RSA-SHA256")]
    [InlineData(KeyAlgorithm.EcdsaP256, "ECDSA-SHA256")]
    public void a_signature_taken_out_of_its_document_names_its_signers_certificate_and_algorithm(KeyAlgorithm algorithm, string name)
    {
        var key = TestKeys.Participant(algorithm);
        var kept = new XmlDocument { PreserveWhitespace = true };
        kept.LoadXml(new SignedDocument(key).Signature("Signature").OuterXml);

        var signer = SignatureReader.Signer(kept.DocumentElement!);

        Assert.Equal(key.CertificateDer, signer.CertificateDer);
        Assert.Equal(key.SignatureUri, signer.SignatureMethod);
        Assert.Equal(name, AlgorithmNames.Of(signer.SignatureMethod));
    }

    [Fact]
    public void an_algorithm_we_do_not_know_is_shown_by_its_uri() =>
        Assert.Equal("urn:example:made-up", AlgorithmNames.Of("urn:example:made-up"));

    [Fact]
    public void a_signature_without_its_certificate_is_refused()
    {
        var signed = new SignedDocument(TestKeys.Participant(KeyAlgorithm.Gost2012_256));
        var keyInfo = signed.Signature("KeyInfo");
        keyInfo.ParentNode!.RemoveChild(keyInfo);

        var refusal = Assert.Throws<SignatureException>(() => SignatureReader.Signer(signed.Signature("Signature")));

        Assert.Equal(SignatureError.CertificateMissing, refusal.Error);
    }
}
