using System.Xml;
using Exchange.Protocol.Attachments;

namespace Exchange.Protocol.Messages;

/// <summary>
/// Writes <c>GetRequestResponse</c> or <c>GetResponseResponse</c>: the message taken from the caller's request or
/// response queue, or nothing when that queue is empty.
/// </summary>
public static class GetMessageResponse
{
    public static void Write(XmlWriter writer, DeliveredMessage delivered)
    {
        const string ns = SmevNamespaces.Types;
        var name = SignedElement(delivered.Queue);
        writer.WriteStartElement("ns2", $"Get{name}Response", ns);
        writer.WriteStartElement($"{name}Message", ns);
        writer.WriteStartElement(name, ns);
        writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
        delivered.WriteContent(writer);
        SenderSignature.Write(writer, delivered.SenderSignatureXml);
        writer.WriteEndElement();
        // After Request/Response, so outside what SMEVSignature signs, as SMEV places it.
        AttachmentContent.WriteList(writer, delivered.Attachments);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The answer when the caller's queue of <paramref name="queue"/> holds nothing for it.</summary>
    public static void WriteEmpty(XmlWriter writer, MessageKind queue)
    {
        writer.WriteStartElement("ns2", $"Get{SignedElement(queue)}Response", SmevNamespaces.Types);
        writer.WriteEndElement();
    }

    /// <summary><c>Request</c> or <c>Response</c>: the element the gateway signs, inside <c>RequestMessage</c> or <c>ResponseMessage</c>.</summary>
    public static string SignedElement(MessageKind queue) => queue switch
    {
        MessageKind.Request => "Request",
        MessageKind.Response => "Response",
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, "Messages are taken from the request or the response queue."),
    };
}
