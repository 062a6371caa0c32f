using System.Xml;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>The one ds:Reference of a SMEV signature wrapper (SMEVSignature, PersonalSignature, …): what it points at and its DigestValue.</summary>
internal sealed record SignatureReference(XmlElement Target, string DigestValue)
{
    private const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    public static SignatureReference In(XmlDocument document, string wrapperLocalName)
    {
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("ds", XmlDsig);
        var reference = document.SelectSingleNode($"//*[local-name()='{wrapperLocalName}']/ds:Signature/ds:SignedInfo/ds:Reference", namespaces) as XmlElement
            ?? throw new InvalidOperationException($"No ds:Reference under {wrapperLocalName}.");
        var uri = reference.GetAttribute("URI");
        Assert.StartsWith("#", uri, StringComparison.Ordinal);
        var digestValue = reference.SelectSingleNode("ds:DigestValue", namespaces)!.InnerText;
        return new SignatureReference(TransformInput.ElementWithId(document, uri[1..]), digestValue);
    }
}
