using System.Xml;
using Exchange.Protocol.Attachments;

namespace Exchange.Protocol.Messages;

/// <summary>Writes <c>GetRequestResponse</c>: the request handed to its recipient, or nothing when the queue is empty.</summary>
public static class GetRequestResponse
{
    public static void Write(XmlWriter writer, DeliveredRequest? delivered)
    {
        const string ns = SmevNamespaces.Types;
        writer.WriteStartElement("ns2", "GetRequestResponse", ns);
        if (delivered is not null)
        {
            writer.WriteStartElement("RequestMessage", ns);
            writer.WriteStartElement("Request", ns);
            writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
            StoredFragment.Write(writer, delivered.RequestDataXml);
            delivered.Metadata.Write(writer, id: null);
            writer.WriteElementString("ReplyTo", ns, delivered.ReplyTo);
            SenderSignature.Write(writer, delivered.SenderSignatureXml);
            writer.WriteEndElement();
            // After Request, so outside what SMEVSignature signs, as SMEV places it.
            AttachmentContent.WriteList(writer, delivered.Attachments);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }
}
