using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Signing.Xml;

namespace Exchange.Protocol.Xml;

/// <summary>Strict navigation of a parsed message: a missing or misplaced element is the sender's fault.</summary>
public static class XmlElementExtensions
{
    public static IEnumerable<XmlElement> ChildElements(this XmlElement parent) =>
        parent.ChildNodes.OfType<XmlElement>();

    public static XmlElement? OptionalChild(this XmlElement parent, string namespaceUri, string localName) =>
        parent.ChildElements().SingleOrDefault(e => e.LocalName == localName && e.NamespaceURI == namespaceUri)
        is { } found ? found : null;

    public static XmlElement RequiredChild(this XmlElement parent, string namespaceUri, string localName) =>
        parent.OptionalChild(namespaceUri, localName)
        ?? throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.InvalidStructure,
            $"Element '{parent.LocalName}' must contain '{{{namespaceUri}}}{localName}'."));

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
