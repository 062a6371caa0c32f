using System.Xml;

namespace Exchange.Signing.Xml;

/// <summary>Copies an element out of its document without changing what it means.</summary>
public static class DetachedElement
{
    /// <summary>
    /// A deep copy of <paramref name="element"/> owned by <paramref name="into"/>, carrying the namespace declarations
    /// it inherits from its ancestors (the nearest wins), so it can be stored, embedded elsewhere or canonicalised
    /// on its own and still mean the same. Exclusive c14n drops the declarations it does not use.
    /// </summary>
    public static XmlElement Copy(XmlElement element, XmlDocument into)
    {
        var copy = (XmlElement)into.ImportNode(element, deep: true);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == "http://www.w3.org/2000/xmlns/" && !copy.HasAttribute(attribute.Name))
                {
                    var declaration = into.CreateAttribute(attribute.Prefix, attribute.LocalName, attribute.NamespaceURI);
                    declaration.Value = attribute.Value;
                    copy.Attributes.Append(declaration);
                }
            }
        }
        return copy;
    }
}
