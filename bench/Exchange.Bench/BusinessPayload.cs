using System.Xml;
using Exchange.Protocol.Messages;

namespace Exchange.Bench;

/// <summary>The business content the bench sends: the request type's root element around a text of the wanted size.</summary>
public static class BusinessPayload
{
    public static XmlElement Create(MessageType type, int textBytes)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("b", type.RootElement, type.NamespaceUri);
        var text = document.CreateElement("b", "Text", type.NamespaceUri);
        // ASCII letters only, so the text's size in UTF-8 is exactly what was asked for.
        text.InnerText = string.Create(textBytes, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + i % 26);
            }
        });
        root.AppendChild(text);
        document.AppendChild(root);
        return root;
    }
}
