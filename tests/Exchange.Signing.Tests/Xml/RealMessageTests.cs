using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Xml;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Xml;

/// <summary>Real signed SMEV messages, verified through the whole engine: reference, transforms, digest, signature.</summary>
public sealed class RealMessageTests
{
    private static XmlDocument Load(string file, string folder = "end-to-end")
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using var stream = new MemoryStream(SharedMaterial.ReadBytes("vectors", folder, file));
        document.Load(stream);
        return document;
    }

    private static XmlElement ByLocalName(XmlNode scope, string localName) =>
        scope.SelectSingleNode($"descendant::*[local-name()='{localName}']") as XmlElement
        ?? throw new InvalidOperationException($"No {localName} in the vector.");

    [Fact]
    public void the_smev_test_environment_signature_over_a_response_verifies()
    {
        var document = Load("smev-test-2012-GetResponseResponse.xml");
        var holder = ByLocalName(document, "SMEVSignature");
        var response = ByLocalName(document, "Response");

        var verified = XmlSignatureVerifier.Verify(holder, response);

        Assert.Equal(KeyAlgorithm.Gost2012_256, verified.Key.Algorithm);
        Assert.True(verified.SmevTransform);
    }

    [Fact]
    public void the_smev_test_environment_response_with_one_changed_character_is_refused()
    {
        var document = Load("smev-test-2012-GetResponseResponse.xml");
        var response = ByLocalName(document, "Response");
        var text = ByLocalName(response, "MessageID");
        text.InnerText = text.InnerText.Replace('1', '2');

        var refusal = Assert.Throws<SignatureException>(() => XmlSignatureVerifier.Verify(ByLocalName(document, "SMEVSignature"), response));
        Assert.Equal(SignatureError.DigestMismatch, refusal.Error);
    }

    [Fact]
    public void a_legacy_gost_2001_caller_signature_verifies()
    {
        var document = Load("habr-2001-SendRequestRequest.xml");

        var verified = XmlSignatureVerifier.Verify(ByLocalName(document, "CallerInformationSystemSignature"),
            ByLocalName(document, "SenderProvidedRequestData"));

        Assert.Equal(KeyAlgorithm.Gost2001, verified.Key.Algorithm);
    }

    [Fact]
    public void a_legacy_gost_2001_personal_signature_verifies()
    {
        // The request data with the officer's signature in its PersonalSignature, over the business element.
        var document = Load("mr-personalsig-spr.input.xml", "published");
        var holder = ByLocalName(document, "PersonalSignature");
        var content = ByLocalName(ByLocalName(document, "MessagePrimaryContent"), "BreachRequest");

        Assert.Equal(KeyAlgorithm.Gost2001, XmlSignatureVerifier.Verify(holder, content).Key.Algorithm);
    }
}
