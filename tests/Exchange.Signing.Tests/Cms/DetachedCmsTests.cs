using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Cms;
using Exchange.Signing.Keys;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Xml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace Exchange.Signing.Tests.Cms;

public sealed class DetachedCmsTests
{
    private static readonly byte[] File = "Scan of the applicant's passport, page 2"u8.ToArray();

    public static TheoryData<KeyAlgorithm> Algorithms =>
        [KeyAlgorithm.Gost2012_256, KeyAlgorithm.Gost2012_512, KeyAlgorithm.Rsa, KeyAlgorithm.EcdsaP256];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void a_detached_signature_verifies_over_the_same_bytes_and_names_its_signer(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);
        var signature = DetachedCmsSigner.Sign(File, key);

        var verified = DetachedCmsVerifier.Verify(File, signature);

        Assert.Equal(key.CertificateDer, verified.CertificateDer);
        Assert.NotNull(verified.SigningTime);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void changed_content_is_a_digest_mismatch(KeyAlgorithm algorithm)
    {
        var signature = DetachedCmsSigner.Sign(File, TestKeys.Participant(algorithm));
        var tampered = (byte[])File.Clone();
        tampered[^1] ^= 1;

        Assert.Equal(SignatureError.DigestMismatch, Refusal(tampered, signature));
    }

    [Fact]
    public void a_signature_over_attributes_that_claim_another_digest_is_refused()
    {
        // The attributes are re-signed honestly, but their messageDigest belongs to other bytes.
        var key = TestKeys.Participant(KeyAlgorithm.Gost2012_256);
        var signature = DetachedCmsSigner.Sign("other bytes"u8, key);

        Assert.Equal(SignatureError.DigestMismatch, Refusal(File, signature));
    }

    [Fact]
    public void a_changed_signature_value_is_invalid()
    {
        var signature = DetachedCmsSigner.Sign(File, TestKeys.Participant(KeyAlgorithm.Gost2012_256));
        var signed = new CmsSignedData(signature);
        var signerInfo = signed.GetSignerInfos().GetSigners().First().SignerInfo;
        var value = signerInfo.Signature.GetOctets();
        value[0] ^= 1;
        var changed = Replace(signed, new SignerInfo(signerInfo.SignerID, signerInfo.DigestAlgorithm, signerInfo.SignedAttrs,
            signerInfo.SignatureAlgorithm, new DerOctetString(value), signerInfo.UnsignedAttrs));

        Assert.Equal(SignatureError.SignatureInvalid, Refusal(File, changed));
    }

    [Fact]
    public void a_signature_without_signed_attributes_is_refused()
    {
        var key = TestKeys.Participant(KeyAlgorithm.Rsa);
        var generator = new CmsSignedDataGenerator();
        var certificate = new Org.BouncyCastle.X509.X509Certificate(key.CertificateDer);
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder().SetDirectSignature(true)
            .Build(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", key.ToBouncyCastle()), certificate));
        generator.AddCertificate(certificate);
        var signature = generator.Generate(new CmsProcessableByteArray(File), false).GetEncoded();

        Assert.Equal(SignatureError.MalformedSignature, Refusal(File, signature));
    }

    [Fact]
    public void an_encapsulated_signature_is_refused()
    {
        var key = TestKeys.Participant(KeyAlgorithm.Rsa);
        var generator = new CmsSignedDataGenerator();
        var certificate = new Org.BouncyCastle.X509.X509Certificate(key.CertificateDer);
        generator.AddSigner(key.ToBouncyCastle(), certificate, CmsSignedGenerator.DigestSha256);
        generator.AddCertificate(certificate);
        var signature = generator.Generate(new CmsProcessableByteArray(File), true).GetEncoded();

        Assert.Equal(SignatureError.MalformedSignature, Refusal(File, signature));
    }

    [Fact]
    public void bytes_that_are_not_cms_are_malformed()
    {
        Assert.Equal(SignatureError.MalformedSignature, Refusal(File, "not a signature"u8.ToArray()));
    }

    [Fact]
    public void a_signer_outside_the_trust_store_is_untrusted()
    {
        var now = DateTimeOffset.UtcNow;
        using var otherCa = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.Gost2012_256, Subject = "CN=Other CA", NotBefore = now.AddDays(-1), NotAfter = now.AddYears(1),
        }.CreateAuthority();
        var trust = new CertificateValidator(new TrustStore([otherCa.CertificateDer], [], requireCrl: false));
        var signature = DetachedCmsSigner.Sign(File, TestKeys.Participant(KeyAlgorithm.Gost2012_256));

        var refusal = Assert.Throws<SignatureException>(() => DetachedCmsVerifier.Verify(File, signature, trust, now));

        Assert.Equal(SignatureError.CertificateUntrusted, refusal.Error);
    }

    [Fact]
    public void a_signer_of_the_trusted_ca_is_trusted()
    {
        var now = DateTimeOffset.UtcNow;
        using var authority = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.Gost2012_256, Subject = "CN=Regional CA", NotBefore = now.AddDays(-1), NotAfter = now.AddYears(1),
        }.CreateAuthority();
        using var officer = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.Gost2012_256, Subject = "CN=Officer", NotBefore = now.AddDays(-1), NotAfter = now.AddMonths(1),
        }.CreateIssuedBy(authority);
        var trust = new CertificateValidator(new TrustStore([authority.CertificateDer], [], requireCrl: false));

        var verified = DetachedCmsVerifier.Verify(File, DetachedCmsSigner.Sign(File, officer), trust, now);

        Assert.Equal(officer.CertificateDer, verified.CertificateDer);
    }

    private static SignatureError Refusal(byte[] content, byte[] signature) =>
        Assert.Throws<SignatureException>(() => DetachedCmsVerifier.Verify(content, signature)).Error;

    private static byte[] Replace(CmsSignedData signed, SignerInfo signerInfo)
    {
        var data = SignedData.GetInstance(signed.ContentInfo.Content);
        var replaced = new SignedData(data.DigestAlgorithms, data.EncapContentInfo, data.Certificates, data.CRLs, new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, replaced).GetEncoded();
    }
}
