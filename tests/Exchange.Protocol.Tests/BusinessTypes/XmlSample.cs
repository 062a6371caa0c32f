using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>Derives an invalid variant from a valid sample, so each test changes exactly one thing.</summary>
internal static class XmlSample
{
    public static string Edit(string xml, Action<XDocument> edit)
    {
        var document = BusinessDocumentValidator.Load(xml);
        edit(document);
        return document.ToString();
    }

    /// <summary>Replaces the text of the one element with this name.</summary>
    public static string Set(string xml, XName element, string value) => Edit(xml, document => The(document, element).Value = value);

    /// <summary>Removes the one element with this name.</summary>
    public static string Remove(string xml, XName element) => Edit(xml, document => The(document, element).Remove());

    public static XElement The(XContainer container, XName element)
    {
        var matches = container.Descendants(element).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"The sample has {matches.Count} elements {element}; the edit needs exactly one.");
    }
}
