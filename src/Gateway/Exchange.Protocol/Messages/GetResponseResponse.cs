using System.Xml;
using Exchange.Protocol.Attachments;

namespace Exchange.Protocol.Messages;

/// <summary>Writes <c>GetResponseResponse</c>: the response handed to the requester, or nothing when the queue is empty.</summary>
public static class GetResponseResponse
{
    public static void Write(XmlWriter writer, DeliveredResponse? delivered)
    {
        const string ns = SmevNamespaces.Types;
        writer.WriteStartElement("ns2", "GetResponseResponse", ns);
        if (delivered is not null)
        {
            writer.WriteStartElement("ResponseMessage", ns);
            writer.WriteStartElement("Response", ns);
            writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
            writer.WriteElementString("OriginalMessageId", ns, delivered.OriginalMessageId.ToString());
            StoredFragment.Write(writer, delivered.ResponseDataXml);
            delivered.Metadata.Write(writer, id: null);
            SenderSignature.Write(writer, delivered.SenderSignatureXml);
            writer.WriteEndElement();
            // After Response, so outside what SMEVSignature signs, as SMEV places it.
            AttachmentContent.WriteList(writer, delivered.Attachments);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }
}
