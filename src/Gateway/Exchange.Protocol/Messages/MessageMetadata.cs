using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>What the gateway says about a message: SMEV's <c>MessageMetadata</c>.</summary>
public sealed record MessageMetadata
{
    public required Guid MessageId { get; init; }
    public required MessageKind Kind { get; init; }
    public Party? Sender { get; init; }
    public required DateTimeOffset SendingTimestamp { get; init; }
    public Party? Recipient { get; init; }
    public DateTimeOffset? DeliveryTimestamp { get; init; }

    /// <summary>One of SMEV's <c>InteractionStatusType</c> values, e.g. <c>requestIsQueued</c>.</summary>
    public string? Status { get; init; }

    /// <param name="id">The element's Id when it is signed on its own; null when a signature covers an ancestor.</param>
    public void Write(XmlWriter writer, string? id)
    {
        const string ns = SmevNamespaces.Types;
        writer.WriteStartElement("MessageMetadata", ns);
        if (id is not null)
        {
            writer.WriteAttributeString("Id", id);
        }
        writer.WriteElementString("MessageId", ns, MessageId.ToString());
        writer.WriteElementString("MessageType", ns, Kind.ToString().ToUpperInvariant());
        WriteParty(writer, "Sender", Sender);
        writer.WriteElementString("SendingTimestamp", ns, XmlConvert.ToString(SendingTimestamp));
        WriteParty(writer, "Recipient", Recipient);
        if (DeliveryTimestamp is { } delivered)
        {
            writer.WriteElementString("DeliveryTimestamp", ns, XmlConvert.ToString(delivered));
        }
        if (Status is not null)
        {
            writer.WriteElementString("Status", ns, Status);
        }
        writer.WriteEndElement();
    }

    public static MessageMetadata Parse(XmlElement element)
    {
        const string ns = SmevNamespaces.Types;
        return new MessageMetadata
        {
            MessageId = Guid.Parse(element.RequiredText(ns, "MessageId")),
            Kind = Enum.Parse<MessageKind>(element.RequiredText(ns, "MessageType"), ignoreCase: true),
            Sender = ParseParty(element.OptionalChild(ns, "Sender")),
            SendingTimestamp = XmlConvert.ToDateTimeOffset(element.RequiredText(ns, "SendingTimestamp")),
            Recipient = ParseParty(element.OptionalChild(ns, "Recipient")),
            DeliveryTimestamp = element.OptionalText(ns, "DeliveryTimestamp") is { } delivered
                ? XmlConvert.ToDateTimeOffset(delivered)
                : null,
            Status = element.OptionalText(ns, "Status"),
        };
    }

    private static void WriteParty(XmlWriter writer, string name, Party? party)
    {
        if (party is null)
        {
            return;
        }
        writer.WriteStartElement(name, SmevNamespaces.Types);
        writer.WriteElementString("Mnemonic", SmevNamespaces.Types, party.Mnemonic);
        writer.WriteElementString("HumanReadableName", SmevNamespaces.Types, party.HumanReadableName);
        writer.WriteEndElement();
    }

    private static Party? ParseParty(XmlElement? element) => element is null
        ? null
        : new Party(
            element.OptionalText(SmevNamespaces.Types, "Mnemonic") ?? "",
            element.RequiredText(SmevNamespaces.Types, "HumanReadableName"));
}
