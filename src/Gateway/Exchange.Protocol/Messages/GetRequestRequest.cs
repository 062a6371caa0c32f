using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>GetRequestRequest</c>: take the next request from the caller's queue.</summary>
public sealed record GetRequestRequest(XmlElement SelectorElement, MessageTypeSelector Selector, XmlElement? CallerSignature)
{
    public const string OperationName = "GetRequest";

    public static GetRequestRequest Parse(XmlElement operation)
    {
        var selector = operation.RequiredChild(SmevNamespaces.Basic, "MessageTypeSelector");
        return new GetRequestRequest(
            selector,
            MessageTypeSelector.Parse(selector),
            operation.OptionalChild(SmevNamespaces.Types, "CallerInformationSystemSignature"));
    }

    /// <summary>The answer; an empty <c>GetRequestResponse</c> when the queue has nothing for the caller.</summary>
    public static void WriteResponse(XmlWriter writer, DeliveredRequest? delivered)
    {
        const string ns = SmevNamespaces.Types;
        writer.WriteStartElement("ns2", "GetRequestResponse", ns);
        if (delivered is not null)
        {
            writer.WriteStartElement("RequestMessage", ns);
            writer.WriteStartElement("Request", ns);
            writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
            using (var stored = XmlReader.Create(new StringReader(delivered.RequestDataXml), StoredFragmentSettings))
            {
                stored.MoveToContent();
                writer.WriteNode(stored, defattr: false);
            }
            delivered.Metadata.Write(writer, id: null);
            writer.WriteElementString("ReplyTo", ns, delivered.ReplyTo);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    // Stored fragments were parsed with the hostile-input limits on entry; these settings only keep a
    // corrupted store from smuggling a DTD into an answer.
    private static readonly XmlReaderSettings StoredFragmentSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
    };
}
