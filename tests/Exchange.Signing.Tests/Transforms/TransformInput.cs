using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>What a SMEV Reference feeds the transform: the exclusive-c14n octets of the referenced element.</summary>
internal static class TransformInput
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings Hardened = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static XmlDocument Load(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), Hardened);
        document.Load(reader);
        return document;
    }

    /// <summary>
    /// Exclusive c14n of one element in place, as XMLDSig defines it for a Reference to the element's Id: a DOM copy
    /// of the element with the namespace declarations in scope at it, so nothing is re-parsed from text.
    /// </summary>
    /// <remarks>
    /// Not a round trip through <c>OuterXml</c> (what SignedXml does for an Id reference): that writes a TAB in an
    /// attribute value and a CR in text raw, and re-parsing turns them into a space and an LF.
    /// </remarks>
    public static byte[] ExclusiveC14n(XmlElement element)
    {
        var standalone = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)standalone.AppendChild(standalone.ImportNode(element, deep: true))!;
        // Nearest declaration of a prefix wins; exclusive c14n then keeps only the visibly used ones.
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == XmlnsNamespace && !copy.HasAttribute(attribute.Name))
                {
                    copy.SetAttributeNode((XmlAttribute)standalone.ImportNode(attribute, deep: true));
                }
            }
        }
        var c14n = new XmlDsigExcC14NTransform();
        c14n.LoadInput(standalone);
        using var octets = (Stream)c14n.GetOutput(typeof(Stream));
        return Octets.ReadAll(octets);
    }

    public static byte[] OfDocumentElement(byte[] xml) => ExclusiveC14n(Load(xml).DocumentElement!);

    /// <summary>The transform of the document element of <paramref name="xml"/>, fed as a Reference would feed it.</summary>
    public static byte[] Transform(string xml) => SmevTransform.Apply(OfDocumentElement(Encoding.UTF8.GetBytes(xml)));

    public static XmlElement ElementWithId(XmlDocument document, string id) =>
        document.SelectSingleNode($"//*[@Id='{id}']") as XmlElement
        ?? throw new InvalidOperationException($"No element with Id={id}.");
}
