using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>SMEV's <c>MessageTypeSelector</c>: which type of message the caller wants next (none = any).</summary>
public sealed record MessageTypeSelector(MessageType? Type, DateTimeOffset Timestamp)
{
    public static MessageTypeSelector Parse(XmlElement selector)
    {
        const string ns = SmevNamespaces.Basic;
        var namespaceUri = selector.OptionalText(ns, "NamespaceURI");
        var rootElement = selector.OptionalText(ns, "RootElementLocalName");
        if ((namespaceUri is null) != (rootElement is null))
        {
            throw SmevFaultException.InvalidStructure("MessageTypeSelector names a type by both NamespaceURI and RootElementLocalName, or by neither.");
        }
        return new MessageTypeSelector(
            namespaceUri is null ? null : new MessageType(namespaceUri, rootElement!),
            SignedTimestamp.Parse(selector.RequiredText(ns, "Timestamp")));
    }
}
