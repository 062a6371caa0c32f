using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>Writes and reads <c>GetMessageStatusResponse</c> (our extension); the gateway signs its <c>MessageStatus</c>.</summary>
public static class GetMessageStatusResponse
{
    private const string Ns = ExchangeNamespaces.MessageStatus;
    private const int MaxReason = 4000;

    public static void Write(XmlWriter writer, MessageStatusDescription status)
    {
        writer.WriteStartElement("st", "GetMessageStatusResponse", Ns);
        writer.WriteStartElement("MessageStatus", Ns);
        writer.WriteAttributeString("Id", "SIGNED_BY_SMEV");
        writer.WriteElementString("MessageId", Ns, status.MessageId.ToString());
        writer.WriteElementString("Sender", Ns, status.Sender);
        writer.WriteElementString("Recipient", Ns, status.Recipient);
        writer.WriteElementString("Status", Ns, status.Status);
        writer.WriteElementString("StatusChangeTimestamp", Ns, XmlConvert.ToString(status.StatusChangeTimestamp));
        if (status.InteractionStatus is { } interaction)
        {
            writer.WriteElementString("InteractionStatus", Ns, interaction);
        }
        foreach (var change in status.History)
        {
            writer.WriteStartElement("StatusChange", Ns);
            writer.WriteElementString("Status", Ns, change.Status);
            writer.WriteElementString("At", Ns, XmlConvert.ToString(change.At));
            writer.WriteElementString("Actor", Ns, change.Actor);
            if (change.Reason is { Length: > 0 } reason)
            {
                writer.WriteElementString("Reason", Ns, reason.Length <= MaxReason ? reason : reason[..MaxReason]);
            }
            writer.WriteEndElement();
        }
        foreach (var copy in status.Copies)
        {
            writer.WriteStartElement("Copy", Ns);
            writer.WriteElementString("MessageId", Ns, copy.MessageId.ToString());
            writer.WriteElementString("Recipient", Ns, copy.Recipient);
            writer.WriteElementString("Status", Ns, copy.Status);
            writer.WriteElementString("StatusChangeTimestamp", Ns, XmlConvert.ToString(copy.StatusChangeTimestamp));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Reads a <c>MessageStatus</c> element (after its signature was checked).</summary>
    public static MessageStatusDescription Parse(XmlElement messageStatus) => new(
        Guid.Parse(messageStatus.RequiredText(Ns, "MessageId")),
        messageStatus.RequiredText(Ns, "Sender"),
        messageStatus.RequiredText(Ns, "Recipient"),
        messageStatus.RequiredText(Ns, "Status"),
        XmlConvert.ToDateTimeOffset(messageStatus.RequiredText(Ns, "StatusChangeTimestamp")),
        messageStatus.OptionalText(Ns, "InteractionStatus"),
        messageStatus.ChildElements()
            .Where(e => e.LocalName == "StatusChange" && e.NamespaceURI == Ns)
            .Select(e => new StatusHistoryEntry(
                e.RequiredText(Ns, "Status"),
                XmlConvert.ToDateTimeOffset(e.RequiredText(Ns, "At")),
                e.RequiredText(Ns, "Actor"),
                e.OptionalText(Ns, "Reason")))
            .ToList())
    {
        Copies = messageStatus.ChildElements()
            .Where(e => e.LocalName == "Copy" && e.NamespaceURI == Ns)
            .Select(e => new BroadcastCopyStatus(
                Guid.Parse(e.RequiredText(Ns, "MessageId")),
                e.RequiredText(Ns, "Recipient"),
                e.RequiredText(Ns, "Status"),
                XmlConvert.ToDateTimeOffset(e.RequiredText(Ns, "StatusChangeTimestamp"))))
            .ToList(),
    };
}
