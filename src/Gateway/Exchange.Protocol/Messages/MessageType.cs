using System.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A business message type ("вид сведений"): the qualified name of the root element of its content.</summary>
public sealed record MessageType(string NamespaceUri, string RootElement)
{
    public static MessageType Of(XmlElement businessRoot) => new(businessRoot.NamespaceURI, businessRoot.LocalName);

    public override string ToString() => $"{{{NamespaceUri}}}{RootElement}";
}
