using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>Expectations published by ports that disagree with the reference; SMEV-compatible output differs from each.</summary>
public sealed class DisputedVectorsTests
{
    [Fact]
    public void midnighter_expectation_reuses_ns2_for_siblings_and_is_not_what_we_hash()
    {
        var ours = TransformOf("disputed-ports-elementFourFiveSix.input.xml");

        Assert.NotEqual(Published("disputed-midnighter-SmevTransform.NET.expected.xml"), ours);
        Octets.Equal(Published("disputed-ports-elementFourFiveSix.reference-output.xml"), ours);
    }

    [Fact]
    public void danbka_expectation_leaves_ns2_undeclared_and_is_not_what_we_hash()
    {
        var ours = TransformOf("disputed-Danbka-smev-transform-PHP.input.xml");

        Assert.NotEqual(Published("disputed-Danbka-smev-transform-PHP.expected.xml"), ours);
        Octets.Equal(Published("disputed-ports-elementFourFiveSix.reference-output.xml"), ours);
    }

    [Fact]
    public void candy_canonical_form_reuses_ns4_for_siblings_and_is_not_what_we_hash()
    {
        var wrong = Published("disputed-candy-Gost3411HashkTest.WRONG-canonical-form.xml");
        var ours = TransformOf("habr-gibdd-spr.input.xml");

        Assert.NotEqual(wrong, ours);
        Octets.Equal(Published("habr-gibdd-spr.expected.xml"), ours);
        // Only the right form hashes to the DigestValue of the real signature over this data.
        Assert.NotEqual("/jXl70XwnttJB5sSokwh8SaVHwo2gjgILSu0qBaLUAo=", GostDigests.Gost94(wrong));
        Assert.Equal("/jXl70XwnttJB5sSokwh8SaVHwo2gjgILSu0qBaLUAo=", GostDigests.Gost94(ours));
    }

    private static byte[] Published(string name) => SharedMaterial.ReadBytes("vectors", "published", name);

    private static byte[] TransformOf(string input) =>
        Exchange.Signing.Transforms.SmevTransform.Apply(TransformInput.OfDocumentElement(Published(input)));
}
