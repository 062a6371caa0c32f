using System.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>Writes <c>GetStatusResponse</c>: the next status of the caller's stream, or nothing when it is empty.</summary>
public static class GetStatusResponse
{
    private const int MaxDetails = 500;

    public static void Write(XmlWriter writer, ProcessingStatus? status)
    {
        const string ns = SmevNamespaces.Types;
        writer.WriteStartElement("ns2", "GetStatusResponse", ns);
        if (status is not null)
        {
            writer.WriteStartElement("SmevAsyncProcessingMessage", ns);
            writer.WriteStartElement("AsyncProcessingStatusData", ns);
            writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
            writer.WriteStartElement("AsyncProcessingStatus", ns);
            writer.WriteElementString("OriginalMessageId", ns, status.OriginalMessageId.ToString());
            writer.WriteElementString("StatusCategory", ns, status.StatusCategory);
            if (status.Details is { Length: > 0 } details)
            {
                writer.WriteElementString("StatusDetails", ns, details.Length <= MaxDetails ? details : details[..MaxDetails]);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }
}
