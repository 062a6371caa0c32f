using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;
using Exchange.Signing.Transforms;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Transforms;

public sealed class XmlDsigSmevTransformTests
{
    public XmlDsigSmevTransformTests()
    {
        // Process-wide and idempotent: a later registration of the same name replaces the earlier one.
        CryptoConfig.AddAlgorithm(typeof(XmlDsigSmevTransform), SmevTransform.Uri);
    }

    [Fact]
    public void transform_created_by_crypto_config_gives_the_octets_apply_gives()
    {
        var octets = TransformInput.OfDocumentElement(SharedMaterial.ReadBytes("vectors", "published", "mr-case2.input.xml"));
        var transform = Assert.IsType<XmlDsigSmevTransform>(CryptoConfig.CreateFromName(SmevTransform.Uri));

        transform.LoadInput(new MemoryStream(octets));

        Octets.Equal(SmevTransform.Apply(octets), Octets.ReadAll((Stream)transform.GetOutput(typeof(Stream))));
        Octets.Equal(SharedMaterial.ReadBytes("vectors", "published", "mr-case2.expected.xml"), Octets.ReadAll((Stream)transform.GetOutput()));
    }

    [Fact]
    public void a_document_is_canonicalised_with_exclusive_c14n_first()
    {
        var document = TransformInput.Load(SharedMaterial.ReadBytes("vectors", "published", "habr-gibdd-spr.input.xml"));
        var transform = new XmlDsigSmevTransform();

        transform.LoadInput(document);

        Octets.Equal(SharedMaterial.ReadBytes("vectors", "published", "habr-gibdd-spr.expected.xml"), Octets.ReadAll((Stream)transform.GetOutput()));
    }

    [Fact]
    public void signed_xml_loads_a_smev_signature_once_the_transform_is_registered()
    {
        var document = TransformInput.Load(SharedMaterial.ReadBytes("vectors", "end-to-end", "smev-test-2012-GetResponseResponse.xml"));
        var signature = (XmlElement)document.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        var signedXml = new SignedXml(document);

        signedXml.LoadXml(signature);

        var reference = Assert.IsType<Reference>(Assert.Single(signedXml.SignedInfo!.References));
        Assert.IsType<XmlDsigSmevTransform>(reference.TransformChain[1]);
    }

    [Fact]
    public void signed_xml_computes_the_digest_smev_signed_when_the_transform_is_in_the_chain()
    {
        CryptoConfig.AddAlgorithm(typeof(Streebog256HashAlgorithm), Streebog256HashAlgorithm.Uri);
        var document = TransformInput.Load(SharedMaterial.ReadBytes("vectors", "end-to-end", "smev-test-2012-GetResponseResponse.xml"));
        var reference = new Reference("#SIGNED_BY_SMEV") { DigestMethod = Streebog256HashAlgorithm.Uri };
        reference.AddTransform(new XmlDsigExcC14NTransform());
        reference.AddTransform(new XmlDsigSmevTransform());
        using var key = RSA.Create(2048);
        var signedXml = new SignedXml(document) { SigningKey = key };
        signedXml.AddReference(reference);

        signedXml.ComputeSignature();

        Assert.Equal("nfJ2vH/u1V88rOSXiWcvbMJBzeOsX3Uqaf+HTWpzB2M=", Convert.ToBase64String(reference.DigestValue!));
    }
}
