using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// Signatures made by other implementations: a real SMEVSignature from the SMEV test environment (GOST 2012-256, RT Labs'
/// test key) and two GOST 2001 samples from published SMEV examples. The signed bytes are the exclusive-c14n SignedInfo
/// files beside them.
/// </summary>
public sealed class RealSignatureTests
{
    public static TheoryData<string, string, KeyAlgorithm> Samples => new()
    {
        { "smev-test-2012-GetResponseResponse.xml", "smev-test-2012-SignedInfo.exc-c14n.xml", KeyAlgorithm.Gost2012_256 },
        { "habr-2001-SendRequestRequest.xml", "habr-2001-SignedInfo.exc-c14n.xml", KeyAlgorithm.Gost2001 },
        { "mr-2001-PersonalSignature.xml", "mr-2001-PersonalSignature-SignedInfo.exc-c14n.xml", KeyAlgorithm.Gost2001 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void the_published_signature_verifies_with_its_certificate(string envelope, string signedInfo, KeyAlgorithm algorithm)
    {
        var sample = SignedXmlSample.Load(envelope);
        var key = VerificationKey.FromCertificate(sample.Certificate);

        Assert.Equal(algorithm, key.Algorithm);
        Assert.Equal(key.SignatureUri, sample.SignatureMethod);
        Assert.True(key.Verify(sample.SignatureMethod, SignedInfo(signedInfo), sample.SignatureValue));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void one_flipped_bit_in_the_signed_bytes_fails(string envelope, string signedInfo, KeyAlgorithm algorithm)
    {
        var sample = SignedXmlSample.Load(envelope);
        var data = SignedInfo(signedInfo);
        data[data.Length / 2] ^= 0x01;

        var key = VerificationKey.FromCertificate(sample.Certificate);

        Assert.Equal(algorithm, key.Algorithm);
        Assert.False(key.Verify(sample.SignatureMethod, data, sample.SignatureValue));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void one_flipped_bit_in_either_half_of_the_signature_fails(string envelope, string signedInfo, KeyAlgorithm algorithm)
    {
        var sample = SignedXmlSample.Load(envelope);
        var key = VerificationKey.FromCertificate(sample.Certificate);

        Assert.Equal(algorithm, key.Algorithm);
        foreach (var index in new[] { 0, sample.SignatureValue.Length - 1 })
        {
            var signature = (byte[])sample.SignatureValue.Clone();
            signature[index] ^= 0x01;
            Assert.False(key.Verify(sample.SignatureMethod, SignedInfo(signedInfo), signature));
        }
    }

    [Fact]
    public void the_smev_signature_is_not_accepted_reversed_or_padded()
    {
        var sample = SignedXmlSample.Load("smev-test-2012-GetResponseResponse.xml");
        var key = VerificationKey.FromCertificate(sample.Certificate);
        var data = SignedInfo("smev-test-2012-SignedInfo.exc-c14n.xml");

        Assert.False(key.Verify(sample.SignatureMethod, data, sample.SignatureValue.Reverse().ToArray()));
        Assert.False(key.Verify(sample.SignatureMethod, data, [.. sample.SignatureValue, 0]));
    }

    [Fact]
    public void the_smev_signature_verifies_under_the_xmldsig_more_alias_but_not_under_another_algorithm()
    {
        var sample = SignedXmlSample.Load("smev-test-2012-GetResponseResponse.xml");
        var key = VerificationKey.FromCertificate(sample.Certificate);
        var data = SignedInfo("smev-test-2012-SignedInfo.exc-c14n.xml");

        Assert.True(key.Verify("http://www.w3.org/2001/04/xmldsig-more#gostr34102012-gostr34112012-256", data, sample.SignatureValue));
        Assert.False(key.Verify(AlgorithmUris.Gost2012_512Signature, data, sample.SignatureValue));
        Assert.False(key.Verify(AlgorithmUris.Gost2001Signature, data, sample.SignatureValue));
    }

    [Fact]
    public void the_smev_digest_value_is_streebog_256_of_the_transformed_response()
    {
        var sample = SignedXmlSample.Load("smev-test-2012-GetResponseResponse.xml");
        var transformed = SharedMaterial.ReadBytes("vectors", "end-to-end", "smev-test-2012-Response.transformed.xml");

        Assert.Equal(AlgorithmUris.Gost2012_256Digest, sample.DigestMethod);
        Assert.Equal(sample.DigestValue, Digests.Compute(sample.DigestMethod, transformed));
        Assert.Equal("nfJ2vH/u1V88rOSXiWcvbMJBzeOsX3Uqaf+HTWpzB2M=", Convert.ToBase64String(sample.DigestValue));
    }

    private static byte[] SignedInfo(string fileName) => SharedMaterial.ReadBytes("vectors", "end-to-end", fileName);
}
