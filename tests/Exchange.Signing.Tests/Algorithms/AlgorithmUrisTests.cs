using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Tests.Algorithms;

public sealed class AlgorithmUrisTests
{
    [Theory]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#gostr34102012-gostr34112012-256", AlgorithmUris.Gost2012_256Signature)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#gostr34102012-gostr34112012-512", AlgorithmUris.Gost2012_512Signature)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#gostr34112012-256", AlgorithmUris.Gost2012_256Digest)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#gostr34112012-512", AlgorithmUris.Gost2012_512Digest)]
    public void xmldsig_more_gost_2012_aliases_map_to_the_urn_forms(string alias, string canonical) =>
        Assert.Equal(canonical, AlgorithmUris.Canonical(alias));

    [Theory]
    [InlineData(AlgorithmUris.Gost2012_256Signature)]
    [InlineData(AlgorithmUris.Gost2012_512Signature)]
    [InlineData(AlgorithmUris.Gost2012_256Digest)]
    [InlineData(AlgorithmUris.Gost2012_512Digest)]
    [InlineData(AlgorithmUris.Gost2001Signature)]
    [InlineData(AlgorithmUris.Gost94Digest)]
    [InlineData(AlgorithmUris.RsaSha256)]
    [InlineData(AlgorithmUris.EcdsaSha256)]
    [InlineData(AlgorithmUris.Sha256)]
    public void every_constant_is_its_own_canonical_form(string uri) => Assert.Equal(uri, AlgorithmUris.Canonical(uri));

    [Theory]
    [InlineData("urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102001-gostr3411")] // SMEV rejects this form
    [InlineData("URN:IETF:PARAMS:XML:NS:CPXMLSEC:ALGORITHMS:GOSTR34102012-GOSTR34112012-256")]
    [InlineData("http://www.w3.org/2000/09/xmldsig#rsa-sha1")]
    [InlineData("")]
    public void unknown_or_differently_cased_uris_have_no_canonical_form(string uri) => Assert.Null(AlgorithmUris.Canonical(uri));
}
