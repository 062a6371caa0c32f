using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Algorithms;

public sealed class DigestsTests
{
    [Fact]
    public void streebog_256_of_the_real_smev_response_equals_its_digest_value()
    {
        var transformed = SharedMaterial.ReadBytes("vectors", "end-to-end", "smev-test-2012-Response.transformed.xml");

        var digest = Digests.Compute(AlgorithmUris.Gost2012_256Digest, transformed);

        Assert.Equal("nfJ2vH/u1V88rOSXiWcvbMJBzeOsX3Uqaf+HTWpzB2M=", Convert.ToBase64String(digest));
    }

    [Fact]
    public void gost_94_of_the_habr_canonical_form_equals_its_published_digest()
    {
        var canonical = SharedMaterial.ReadBytes("vectors", "published", "habr-gibdd-spr.expected.xml");

        var digest = Digests.Compute(AlgorithmUris.Gost94Digest, canonical);

        Assert.Equal("/jXl70XwnttJB5sSokwh8SaVHwo2gjgILSu0qBaLUAo=", Convert.ToBase64String(digest));
    }

    [Fact]
    public void sha_256_is_the_fips_one()
    {
        // FIPS 180-2 appendix B.1: SHA-256("abc").
        Assert.Equal(
            Convert.FromHexString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            Digests.Compute(AlgorithmUris.Sha256, "abc"u8));
    }

    [Theory]
    [InlineData(AlgorithmUris.Gost2012_256Digest, true)]
    [InlineData(AlgorithmUris.Gost2012_512Digest, true)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#gostr34112012-512", true)]
    [InlineData(AlgorithmUris.Gost94Digest, true)]
    [InlineData(AlgorithmUris.Sha256, true)]
    [InlineData("http://www.w3.org/2000/09/xmldsig#sha1", false)]
    [InlineData(AlgorithmUris.Gost2012_256Signature, false)]
    public void only_the_known_digest_uris_are_supported(string uri, bool supported) =>
        Assert.Equal(supported, Digests.IsSupported(uri));

    [Fact]
    public void an_unsupported_digest_uri_is_refused() =>
        Assert.Throws<CryptographicException>(() => Digests.Compute("http://www.w3.org/2000/09/xmldsig#sha1", "abc"u8));
}
