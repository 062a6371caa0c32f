using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Tests.Xml;
using Exchange.Signing.Xml;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// OpenSSL's GOST engine signs the canonical ds:SignedInfo of a document we signed, with its own GOST R 34.10-2012 key
/// and self-signed certificate; its signature and certificate replace ours and <see cref="XmlSignatureVerifier"/> checks them.
/// </summary>
public sealed class OpenSslSignsGostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_signed_info_openssl_signed_verifies_with_our_verifier()
    {
        var document = new SignedDocument(TestKeys.Participant(KeyAlgorithm.Gost2012_256));
        var (signature, certificateDer) = await SignedByOpenSsl(CanonicalSignedInfo.Of(document.Signature("Signature")));
        Replace(document, GostSignatureLayout.ToXmlDsig(signature), certificateDer);

        var verified = document.Reparsed().Verify();

        Assert.Equal(KeyAlgorithm.Gost2012_256, verified.Key.Algorithm);
        Assert.Equal(AlgorithmUris.Gost2012_256Signature, verified.SignatureUri);
        Assert.Equal(certificateDer, verified.CertificateDer);
    }

    [Theory]
    [InlineData(SignatureDistortion.Reversed)]
    [InlineData(SignatureDistortion.HalvesSwapped)]
    [InlineData(SignatureDistortion.BitFlipped)]
    public async Task an_openssl_signature_is_refused_in_any_other_byte_order_or_with_a_flipped_bit(SignatureDistortion distortion)
    {
        var document = new SignedDocument(TestKeys.Participant(KeyAlgorithm.Gost2012_256));
        var (signature, certificateDer) = await SignedByOpenSsl(CanonicalSignedInfo.Of(document.Signature("Signature")));
        Replace(document, GostSignatureLayout.Distorted(GostSignatureLayout.ToXmlDsig(signature), distortion), certificateDer);

        Assert.Equal(SignatureError.SignatureInvalid, document.Reparsed().Refusal());
    }

    [Fact]
    public async Task openssl_writes_s_then_r_each_big_endian()
    {
        var data = "Exchange GOST signature layout"u8.ToArray();
        var (signature, certificateDer) = await SignedByOpenSsl(data);
        var publicKey = (ECPublicKeyParameters)new X509CertificateParser().ReadCertificate(certificateDer).GetPublicKey();
        var s = new BigInteger(1, signature[..32]);
        var r = new BigInteger(1, signature[32..]);
        // ECGost3410Signer takes the hash as the digest writes it and reads it little-endian itself, as the standard says.
        var hash = Digests.Compute(AlgorithmUris.Gost2012_256Digest, data);
        var signer = new ECGost3410Signer();
        signer.Init(false, publicKey);

        Assert.True(signer.VerifySignature(hash, r, s));
        Assert.False(signer.VerifySignature(hash, s, r));
    }

    private static async Task<(byte[] Signature, byte[] CertificateDer)> SignedByOpenSsl(byte[] data)
    {
        using var scratch = new ScratchDirectory();
        var openSsl = new OpenSslGost(scratch);
        var key = await openSsl.GenerateKeyAsync(Token);
        var certificate = await openSsl.SelfSignedCertificateAsync(key, Token);
        var signature = await openSsl.SignAsync(key, scratch.Write("signed-info.bin", data), Token);
        return (signature, OpenSslGost.CertificateDer(certificate));
    }

    private static void Replace(SignedDocument document, byte[] signatureValue, byte[] certificateDer)
    {
        document.Signature("SignatureValue").InnerText = Convert.ToBase64String(signatureValue);
        document.Signature("X509Certificate").InnerText = Convert.ToBase64String(certificateDer);
    }
}
