using Exchange.Signing.Transforms;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>Signed messages from the field: our digest of what their Reference names equals the DigestValue they carry.</summary>
public sealed class EndToEndDigestTests
{
    [Fact]
    public void real_smev_response_transforms_to_the_saved_form_and_hashes_to_its_streebog_digest()
    {
        var document = TransformInput.Load(EndToEnd("smev-test-2012-GetResponseResponse.xml"));
        var signed = SignatureReference.In(document, "SMEVSignature");

        var transformed = SmevTransform.Apply(TransformInput.ExclusiveC14n(signed.Target));

        Assert.Equal("Response", signed.Target.LocalName);
        Octets.Equal(EndToEnd("smev-test-2012-Response.transformed.xml"), transformed);
        Assert.Equal("nfJ2vH/u1V88rOSXiWcvbMJBzeOsX3Uqaf+HTWpzB2M=", GostDigests.Streebog256(transformed));
        Assert.Equal(signed.DigestValue, GostDigests.Streebog256(transformed));
    }

    [Fact]
    public void habr_2001_request_data_hashes_to_the_digest_value_in_its_envelope()
    {
        var document = TransformInput.Load(EndToEnd("habr-2001-SendRequestRequest.xml"));
        var signed = SignatureReference.In(document, "CallerInformationSystemSignature");

        var transformed = SmevTransform.Apply(TransformInput.ExclusiveC14n(signed.Target));

        Assert.Equal("SenderProvidedRequestData", signed.Target.LocalName);
        Assert.Equal("/jXl70XwnttJB5sSokwh8SaVHwo2gjgILSu0qBaLUAo=", signed.DigestValue);
        Assert.Equal(signed.DigestValue, GostDigests.Gost94(transformed));
    }

    private static byte[] EndToEnd(string name) => SharedMaterial.ReadBytes("vectors", "end-to-end", name);
}
