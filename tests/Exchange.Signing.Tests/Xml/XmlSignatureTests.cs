using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Transforms;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Xml;

public sealed class XmlSignatureTests
{
    private static SignedDocument Signed(KeyAlgorithm algorithm = KeyAlgorithm.Gost2012_256, bool smevTransform = true) =>
        new(TestKeys.Participant(algorithm), smevTransform);

    [Theory]
    [InlineData(KeyAlgorithm.Gost2012_256, true)]
    [InlineData(KeyAlgorithm.Gost2012_512, true)]
    [InlineData(KeyAlgorithm.Rsa, true)]
    [InlineData(KeyAlgorithm.EcdsaP256, true)]
    [InlineData(KeyAlgorithm.Gost2012_256, false)]
    [InlineData(KeyAlgorithm.Rsa, false)]
    public void a_signature_verifies_after_the_document_travels_as_text(KeyAlgorithm algorithm, bool smevTransform)
    {
        var verified = Signed(algorithm, smevTransform).Reparsed().Verify();

        Assert.Equal(algorithm, verified.Key.Algorithm);
        Assert.Equal(TestKeys.Participant(algorithm).SignatureUri, verified.SignatureUri);
        Assert.Equal(smevTransform, verified.SmevTransform);
        Assert.Equal(TestKeys.Participant(algorithm).CertificateDer, verified.CertificateDer);
    }

    [Fact]
    public void the_signature_has_the_smev_shape()
    {
        var signed = Signed();
        Assert.Equal(XmlDsig.ExclusiveC14N, signed.Signature("CanonicalizationMethod").GetAttribute("Algorithm"));
        Assert.Equal(AlgorithmUris.Gost2012_256Signature, signed.Signature("SignatureMethod").GetAttribute("Algorithm"));
        Assert.Equal("#SIGNED_BY_CONSUMER", signed.Signature("Reference").GetAttribute("URI"));
        Assert.Equal([XmlDsig.ExclusiveC14N, SmevTransform.Uri],
            signed.Signature("Transforms").ChildNodes.OfType<XmlElement>().Select(t => t.GetAttribute("Algorithm")));
        Assert.Equal(AlgorithmUris.Gost2012_256Digest, signed.Signature("DigestMethod").GetAttribute("Algorithm"));
    }

    [Fact]
    public void the_smev_transform_makes_the_signature_survive_new_prefixes_and_indentation()
    {
        var signed = Signed();
        var text = signed.Document.OuterXml
            .Replace("<ns:", "<smev:", StringComparison.Ordinal).Replace("</ns:", "</smev:", StringComparison.Ordinal)
            .Replace("xmlns:ns=", "xmlns:smev=", StringComparison.Ordinal)
            .Replace("<smev:MessageID>", "\n      <smev:MessageID>", StringComparison.Ordinal);
        signed.Document.LoadXml(text);

        Assert.Equal(KeyAlgorithm.Gost2012_256, signed.Verify().Key.Algorithm);
    }

    [Fact]
    public void changed_content_is_refused()
    {
        var signed = Signed();
        signed.Target.GetElementsByTagName("Text", "urn:appeal")[0]!.InnerText = "Прошу закрыть поликлинику";
        Assert.Equal(SignatureError.DigestMismatch, signed.Refusal());
    }

    [Fact]
    public void a_changed_attribute_is_refused()
    {
        var signed = Signed();
        ((XmlElement)signed.Target.GetElementsByTagName("Text", "urn:appeal")[0]!).SetAttribute("lang", "en");
        Assert.Equal(SignatureError.DigestMismatch, signed.Refusal());
    }

    [Fact]
    public void a_changed_signed_info_is_refused()
    {
        var signed = Signed();
        var digest = signed.Signature("DigestValue");
        var bytes = Convert.FromBase64String(digest.InnerText);
        bytes[0] ^= 1;
        digest.InnerText = Convert.ToBase64String(bytes);
        Assert.Equal(SignatureError.DigestMismatch, signed.Refusal());

        var other = Signed();
        other.Signature("Reference").SetAttribute("Type", "urn:changed");
        Assert.Equal(SignatureError.SignatureInvalid, other.Refusal());
    }

    [Fact]
    public void a_changed_signature_value_is_refused()
    {
        var signed = Signed();
        var value = signed.Signature("SignatureValue");
        var bytes = Convert.FromBase64String(value.InnerText);
        bytes[^1] ^= 0x80;
        value.InnerText = Convert.ToBase64String(bytes);
        Assert.Equal(SignatureError.SignatureInvalid, signed.Refusal());
    }

    [Fact]
    public void a_certificate_swapped_for_another_is_refused()
    {
        var signed = Signed();
        signed.Signature("X509Certificate").InnerText = Convert.ToBase64String(TestKeys.Participant(KeyAlgorithm.Gost2012_512).CertificateDer);
        Assert.Equal(SignatureError.SignatureInvalid, signed.Refusal());
    }

    [Fact]
    public void the_signed_element_moved_aside_and_replaced_is_refused_as_wrapping()
    {
        var signed = Signed();
        var original = signed.Target;
        var forged = (XmlElement)original.CloneNode(deep: true);
        forged.SetAttribute("Id", "FORGED");
        forged.GetElementsByTagName("Text", "urn:appeal")[0]!.InnerText = "Forged appeal";
        // The genuine element is hidden where the application does not look; the forged one takes its place.
        signed.Operation.ReplaceChild(forged, original);
        signed.Document.DocumentElement!.AppendChild(original);

        Assert.Equal(SignatureError.IncorrectSignatureTarget, Assert.Throws<SignatureException>(() => XmlSignatureVerifier.Verify(signed.Holder, forged)).Error);
    }

    [Fact]
    public void a_duplicated_id_is_refused()
    {
        var signed = Signed();
        var copy = (XmlElement)signed.Target.CloneNode(deep: true);
        signed.Document.DocumentElement!.AppendChild(copy);
        Assert.Equal(SignatureError.DuplicateId, signed.Refusal());
    }

    [Fact]
    public void an_id_spelt_in_lower_case_elsewhere_counts_as_a_duplicate()
    {
        var signed = Signed();
        var decoy = signed.Document.CreateElement("decoy");
        decoy.SetAttribute("id", "SIGNED_BY_CONSUMER");
        signed.Document.DocumentElement!.AppendChild(decoy);
        Assert.Equal(SignatureError.DuplicateId, signed.Refusal());
    }

    [Fact]
    public void a_signature_over_another_element_is_refused_for_the_target_in_hand()
    {
        var signed = Signed();
        var other = (XmlElement)signed.Target.GetElementsByTagName("Content", SignedDocument.Types)[0]!;
        Assert.Equal(SignatureError.IncorrectSignatureTarget, Assert.Throws<SignatureException>(() => XmlSignatureVerifier.Verify(signed.Holder, other)).Error);
    }

    [Fact]
    public void an_empty_holder_has_no_signature()
    {
        var signed = Signed();
        signed.Holder.RemoveAll();
        Assert.Equal(SignatureError.NoSignature, signed.Refusal());
    }

    [Fact]
    public void an_object_inside_the_signature_is_refused()
    {
        var signed = Signed();
        signed.Signature("Signature").AppendChild(signed.Document.CreateElement("ds", "Object", XmlDsig.Namespace));
        Assert.Equal(SignatureError.MalformedSignature, signed.Refusal());
    }

    [Theory]
    [InlineData("http://www.w3.org/TR/1999/REC-xpath-19991116")]
    [InlineData("http://www.w3.org/TR/1999/REC-xslt-19991116")]
    [InlineData("http://www.w3.org/2000/09/xmldsig#enveloped-signature")]
    [InlineData("http://www.w3.org/TR/2001/REC-xml-c14n-20010315")]
    [InlineData("urn:unknown")]
    public void a_transform_outside_the_profile_is_refused(string algorithm)
    {
        var signed = Signed();
        var transform = (XmlElement)signed.Signature("Transforms").FirstChild!;
        transform.SetAttribute("Algorithm", algorithm);
        Assert.Equal(SignatureError.TransformNotAllowed, signed.Refusal());
    }

    [Fact]
    public void a_transform_with_parameters_is_refused()
    {
        var signed = Signed();
        var xpath = signed.Document.CreateElement("ds", "XPath", XmlDsig.Namespace);
        xpath.InnerText = "true()";
        signed.Signature("Transforms").FirstChild!.AppendChild(xpath);
        Assert.Equal(SignatureError.TransformNotAllowed, signed.Refusal());
    }

    [Theory]
    [InlineData("http://attacker.example/payload.xml")]
    [InlineData("")]
    [InlineData("#xpointer(/)")]
    public void a_reference_that_is_not_a_local_id_is_refused(string uri)
    {
        var signed = Signed();
        signed.Signature("Reference").SetAttribute("URI", uri);
        Assert.Equal(SignatureError.ReferenceNotAllowed, signed.Refusal());
    }

    [Fact]
    public void a_second_reference_is_refused()
    {
        var signed = Signed();
        var reference = signed.Signature("Reference");
        reference.ParentNode!.AppendChild(reference.CloneNode(deep: true));
        Assert.Equal(SignatureError.ReferenceNotAllowed, signed.Refusal());
    }

    [Fact]
    public void an_unknown_signature_algorithm_is_refused()
    {
        var signed = Signed();
        signed.Signature("SignatureMethod").SetAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
        Assert.Equal(SignatureError.UnsupportedSignatureAlgorithm, signed.Refusal());
    }

    [Fact]
    public void a_signature_method_that_does_not_fit_the_key_is_refused()
    {
        var signed = Signed();
        signed.Signature("SignatureMethod").SetAttribute("Algorithm", AlgorithmUris.RsaSha256);
        Assert.Equal(SignatureError.SignatureInvalid, signed.Refusal());
    }

    [Fact]
    public void inclusive_namespaces_in_canonicalization_are_refused()
    {
        var signed = Signed();
        signed.Signature("CanonicalizationMethod").AppendChild(
            signed.Document.CreateElement("ec", "InclusiveNamespaces", XmlDsig.ExclusiveC14N));
        Assert.Equal(SignatureError.UnsupportedCanonicalization, signed.Refusal());
    }

    [Fact]
    public void a_missing_certificate_is_refused()
    {
        var signed = Signed();
        var keyInfo = signed.Signature("KeyInfo");
        keyInfo.ParentNode!.RemoveChild(keyInfo);
        Assert.Equal(SignatureError.CertificateMissing, signed.Refusal());
    }

    [Fact]
    public void a_huge_signature_value_is_refused_before_it_is_decoded()
    {
        var signed = Signed();
        signed.Signature("SignatureValue").InnerText = new string('A', 1_000_000);
        Assert.Equal(SignatureError.LimitExceeded, signed.Refusal());
    }
}
