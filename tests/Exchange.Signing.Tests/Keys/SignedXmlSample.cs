using System.Xml;
using Exchange.Tests.Shared;

namespace Exchange.Signing.Tests.Keys;

/// <summary>The parts of the single ds:Signature in a shared end-to-end vector that a signature check needs.</summary>
internal sealed record SignedXmlSample(string SignatureMethod, byte[] SignatureValue, byte[] Certificate, string DigestMethod, byte[] DigestValue)
{
    private const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

    public static SignedXmlSample Load(string fileName)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var stream = new MemoryStream(SharedMaterial.ReadBytes("vectors", "end-to-end", fileName)))
        {
            document.Load(stream);
        }
        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("ds", DsigNamespace);
        var signature = Assert.Single(document.SelectNodes("//ds:Signature", names)!.Cast<XmlElement>());
        string Text(string path) => signature.SelectSingleNode(path, names)!.InnerText;
        string Algorithm(string path) => ((XmlElement)signature.SelectSingleNode(path, names)!).GetAttribute("Algorithm");
        return new SignedXmlSample(
            Algorithm("ds:SignedInfo/ds:SignatureMethod"),
            Convert.FromBase64String(Text("ds:SignatureValue")),
            Convert.FromBase64String(Text("ds:KeyInfo/ds:X509Data/ds:X509Certificate")),
            Algorithm("ds:SignedInfo/ds:Reference/ds:DigestMethod"),
            Convert.FromBase64String(Text("ds:SignedInfo/ds:Reference/ds:DigestValue")));
    }
}
