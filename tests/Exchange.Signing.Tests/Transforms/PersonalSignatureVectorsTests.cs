using Exchange.Signing.Transforms;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>
/// The MR-style SenderProvidedRequestData that carries a PersonalSignature: the whole element (what ЭП-ОВ signs) and
/// the business element Id=PERSONAL_SIGNATURE (what ЭП-СП signs) hash to the published GOST R 34.11-94 digests.
/// </summary>
public sealed class PersonalSignatureVectorsTests
{
    [Fact]
    public void whole_sender_provided_request_data_hashes_to_the_published_digest()
    {
        var transformed = SmevTransform.Apply(TransformInput.OfDocumentElement(Published("mr-personalsig-spr.input.xml")));

        Octets.Equal(Published("mr-personalsig-spr.transformed-by-reference.xml"), transformed);
        Assert.Equal("oQj0a7j/Bw3XHLBhZ6CN0Dd6cNjP4DzyYnF8FwPsOo4=", GostDigests.Gost94(transformed));
    }

    [Fact]
    public void business_element_under_the_personal_signature_hashes_to_the_published_digest()
    {
        var document = TransformInput.Load(Published("mr-personalsig-spr.input.xml"));
        var signed = SignatureReference.In(document, "PersonalSignature");

        var transformed = SmevTransform.Apply(TransformInput.ExclusiveC14n(signed.Target));

        Assert.Equal("BreachRequest", signed.Target.LocalName);
        Octets.Equal(Published("mr-personalsig-breachrequest.transformed-by-reference.xml"), transformed);
        Assert.Equal("AUGmtYkL7MD5MqwxwcQULupXi6FtvCrsHED26tKroC0=", GostDigests.Gost94(transformed));
        Assert.Equal(signed.DigestValue, GostDigests.Gost94(transformed));
    }

    private static byte[] Published(string name) => SharedMaterial.ReadBytes("vectors", "published", name);
}
