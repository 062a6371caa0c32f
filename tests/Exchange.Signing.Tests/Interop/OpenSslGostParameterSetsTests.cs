using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Tests.Xml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Keys on every parameter set OpenSSL's GOST engine makes. For TC26 256 A–D and 512 C the engine's certificates name
/// only the curve, no digest parameter set (RFC 9215 allows it; BouncyCastle's own reader refuses it). We read each
/// certificate, verify the engine's raw and XMLDSig signatures with it, and sign with the engine's key files.
/// </summary>
public sealed class OpenSslGostParameterSetsTests
{
    private static readonly byte[] Data = "Exchange GOST parameter set interop"u8.ToArray();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Key algorithm, the engine's paramset name, the curve OID it writes, and whether it names the digest parameter set.</summary>
    public static TheoryData<KeyAlgorithm, string, string, bool> ParameterSets => new()
    {
        { KeyAlgorithm.Gost2012_256, "TCA", "1.2.643.7.1.2.1.1.1", false },
        { KeyAlgorithm.Gost2012_256, "TCB", "1.2.643.7.1.2.1.1.2", false },
        { KeyAlgorithm.Gost2012_256, "TCC", "1.2.643.7.1.2.1.1.3", false },
        { KeyAlgorithm.Gost2012_256, "TCD", "1.2.643.7.1.2.1.1.4", false },
        { KeyAlgorithm.Gost2012_256, "A", "1.2.643.2.2.35.1", true },
        { KeyAlgorithm.Gost2012_256, "B", "1.2.643.2.2.35.2", true },
        { KeyAlgorithm.Gost2012_256, "C", "1.2.643.2.2.35.3", true },
        { KeyAlgorithm.Gost2012_256, "XA", "1.2.643.2.2.36.0", true },
        { KeyAlgorithm.Gost2012_256, "XB", "1.2.643.2.2.36.1", true },
        { KeyAlgorithm.Gost2012_512, "A", "1.2.643.7.1.2.1.2.1", true },
        { KeyAlgorithm.Gost2012_512, "B", "1.2.643.7.1.2.1.2.2", true },
        { KeyAlgorithm.Gost2012_512, "C", "1.2.643.7.1.2.1.2.3", false },
    };

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public async Task the_engines_certificate_is_read_and_its_raw_signature_verifies(KeyAlgorithm algorithm, string paramSet, string curve, bool namesDigest)
    {
        using var scratch = new ScratchDirectory();
        var openSsl = new OpenSslGost(scratch, Bits(algorithm));
        var key = await openSsl.GenerateKeyAsync(paramSet, Token);
        var certificateDer = OpenSslGost.CertificateDer(await openSsl.SelfSignedCertificateAsync(key, Token));
        var signature = await openSsl.SignAsync(key, scratch.Write("data.bin", Data), Token);

        var verifier = VerificationKey.FromCertificate(certificateDer);

        Assert.Equal((curve, namesDigest), CurveAndDigestNamed(certificateDer));
        Assert.Equal(algorithm, verifier.Algorithm);
        Assert.True(verifier.Verify(verifier.SignatureUri, Data, signature));
        Assert.False(verifier.Verify(verifier.SignatureUri, "other data"u8, signature));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public async Task a_signed_info_the_engine_signed_verifies_as_xmldsig(KeyAlgorithm algorithm, string paramSet, string curve, bool namesDigest)
    {
        _ = (curve, namesDigest);
        // Our own key of the same size writes the SignedInfo (URIs included) that the engine's key then signs.
        var document = new SignedDocument(TestKeys.Participant(algorithm));
        using var scratch = new ScratchDirectory();
        var openSsl = new OpenSslGost(scratch, Bits(algorithm));
        var key = await openSsl.GenerateKeyAsync(paramSet, Token);
        var certificateDer = OpenSslGost.CertificateDer(await openSsl.SelfSignedCertificateAsync(key, Token));
        var signature = await openSsl.SignAsync(key, scratch.Write("signed-info.bin", CanonicalSignedInfo.Of(document.Signature("Signature"))), Token);
        document.Signature("SignatureValue").InnerText = Convert.ToBase64String(GostSignatureLayout.ToXmlDsig(signature));
        document.Signature("X509Certificate").InnerText = Convert.ToBase64String(certificateDer);

        var verified = document.Reparsed().Verify();

        Assert.Equal(algorithm, verified.Key.Algorithm);
        Assert.Equal(certificateDer, verified.CertificateDer);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public async Task the_engines_key_files_load_and_sign_what_the_engine_verifies(KeyAlgorithm algorithm, string paramSet, string curve, bool namesDigest)
    {
        _ = (curve, namesDigest);
        using var scratch = new ScratchDirectory();
        var openSsl = new OpenSslGost(scratch, Bits(algorithm));
        var key = await openSsl.GenerateKeyAsync(paramSet, Token);
        var certificate = await openSsl.SelfSignedCertificateAsync(key, Token);

        using var signingKey = SigningKey.FromPem(await File.ReadAllTextAsync(certificate, Token), await File.ReadAllTextAsync(key, Token));
        var result = await openSsl.VerifyAsync(await openSsl.PublicKeyOfAsync(certificate, Token),
            scratch.Write("signature.bin", GostSignatureLayout.ToOpenSsl(signingKey.Sign(Data))), scratch.Write("data.bin", Data), Token);

        Assert.Equal(algorithm, signingKey.Algorithm);
        Assert.True(result.Succeeded, result.ToString());
    }

    private static int Bits(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.Gost2012_512 ? 512 : 256;

    private static (string Curve, bool NamesDigest) CurveAndDigestNamed(byte[] certificateDer)
    {
        var parameters = (Asn1Sequence)new X509CertificateParser().ReadCertificate(certificateDer)
            .CertificateStructure.SubjectPublicKeyInfo.Algorithm.Parameters;
        return (((DerObjectIdentifier)parameters[0]).Id, parameters.Count > 1);
    }
}
