using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Signing.Xml;

namespace Exchange.Protocol.Xml;

/// <summary>Strict navigation of a parsed message: a missing or misplaced element is the sender's fault.</summary>
public static class XmlElementExtensions
{
    public static IEnumerable<XmlElement> ChildElements(this XmlElement parent) =>
        parent.ChildNodes.OfType<XmlElement>();

    /// <summary>The child of that name; null when there is none, an InvalidContent fault when there are several.</summary>
    public static XmlElement? OptionalChild(this XmlElement parent, string namespaceUri, string localName)
    {
        var found = parent.ChildElements().Where(e => e.LocalName == localName && e.NamespaceURI == namespaceUri).Take(2).ToList();
        return found.Count <= 1
            ? found.FirstOrDefault()
            : throw SmevFaultException.InvalidStructure($"Element '{parent.LocalName}' contains '{{{namespaceUri}}}{localName}' more than once.");
    }

    /// <summary>
    /// Refuses a child the schema does not allow: what a sender signs must be what the gateway understands, not a
    /// carrier for elements a later reader might mistake for its own.
    /// </summary>
    public static void RequireOnlyChildren(this XmlElement parent, params (string NamespaceUri, string LocalName)[] allowed)
    {
        if (parent.ChildElements().FirstOrDefault(e => !allowed.Contains((e.NamespaceURI, e.LocalName))) is { } unexpected)
        {
            throw SmevFaultException.InvalidStructure($"Element '{parent.LocalName}' may not contain '{{{unexpected.NamespaceURI}}}{unexpected.LocalName}'.");
        }
    }

    public static XmlElement RequiredChild(this XmlElement parent, string namespaceUri, string localName) =>
        parent.OptionalChild(namespaceUri, localName)
        ?? throw SmevFaultException.InvalidStructure($"Element '{parent.LocalName}' must contain '{{{namespaceUri}}}{localName}'.");

    public static string RequiredText(this XmlElement parent, string namespaceUri, string localName) =>
        parent.RequiredChild(namespaceUri, localName).InnerText;

    public static string? OptionalText(this XmlElement parent, string namespaceUri, string localName) =>
        parent.OptionalChild(namespaceUri, localName)?.InnerText;

    /// <summary>
    /// The element as a self-contained XML string: namespace declarations it inherits from its ancestors are
    /// written on it, so it can be stored and embedded elsewhere and still mean the same (and, after exclusive
    /// canonicalisation, hash the same).
    /// </summary>
    public static string ToStandaloneXml(this XmlElement element) =>
        DetachedElement.Copy(element, new XmlDocument { PreserveWhitespace = true }).OuterXml;
}
