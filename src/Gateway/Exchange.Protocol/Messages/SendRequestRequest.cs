using System.Xml;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>SendRequestRequest</c>: the sender's request data and the caller's signature.</summary>
public sealed record SendRequestRequest
{
    /// <summary>The <c>SenderProvidedRequestData</c> element exactly as received (what the sender signed).</summary>
    public required XmlElement RequestData { get; init; }
    public required Guid MessageId { get; init; }
    public Guid? ReferenceMessageId { get; init; }
    public string? TransactionCode { get; init; }

    /// <summary>The sender's end of life for the message (SMEV's <c>EOL</c>), if it set one.</summary>
    public DateTimeOffset? EndOfLife { get; init; }

    /// <summary>The business document: the single element inside <c>MessagePrimaryContent</c>.</summary>
    public required XmlElement BusinessContent { get; init; }
    public bool IsTest { get; init; }
    public XmlElement? CallerSignature { get; init; }

    /// <summary>The officer's signature (ЭП-СП) over <see cref="BusinessContent"/>, when the sender added one.</summary>
    public XmlElement? PersonalSignature { get; init; }

    /// <summary>The sender's routing instructions (<c>rout:Routing</c>), if it gave any.</summary>
    public RoutingInstructions? Routing { get; init; }

    /// <summary>The signed headers of the attachments; their contents are in the operation's AttachmentContentList.</summary>
    public IReadOnlyList<AttachmentHeader> AttachmentHeaders { get; init; } = [];

    public MessageType MessageType => MessageType.Of(BusinessContent);

    public static SendRequestRequest Parse(XmlElement operation)
    {
        const string ns = SmevNamespaces.Types;
        var data = operation.RequiredChild(ns, "SenderProvidedRequestData");
        data.RequireOnlyChildren((ns, "MessageID"), (ns, "ReferenceMessageID"), (ns, "TransactionCode"), (ns, "NodeID"), (ns, "EOL"),
            (SmevNamespaces.Basic, "MessagePrimaryContent"), (ns, "PersonalSignature"), (SmevNamespaces.Basic, "AttachmentHeaderList"),
            (SmevNamespaces.Basic, "RefAttachmentHeaderList"), (ns, "BusinessProcessMetadata"), (ns, "TestMessage"));
        var primary = data.RequiredChild(SmevNamespaces.Basic, "MessagePrimaryContent");
        var business = primary.ChildElements().ToList();
        if (business.Count != 1)
        {
            throw SmevFaultException.InvalidStructure($"MessagePrimaryContent must hold exactly one business element; it holds {business.Count}.");
        }

        return new SendRequestRequest
        {
            RequestData = data,
            MessageId = MessageIds.Parse(data.RequiredText(ns, "MessageID")),
            ReferenceMessageId = data.OptionalText(ns, "ReferenceMessageID") is { } reference ? MessageIds.Parse(reference) : null,
            TransactionCode = data.OptionalText(ns, "TransactionCode"),
            EndOfLife = data.OptionalText(ns, "EOL") is { } eol ? ParseDateTime(eol, "EOL") : null,
            BusinessContent = business[0],
            IsTest = data.OptionalChild(ns, "TestMessage") is not null,
            CallerSignature = operation.OptionalChild(ns, "CallerInformationSystemSignature"),
            PersonalSignature = data.OptionalChild(ns, "PersonalSignature"),
            Routing = RoutingInstructions.Parse(operation),
            AttachmentHeaders = AttachmentHeader.ParseList(data),
        };
    }

    private static DateTimeOffset ParseDateTime(string text, string element)
    {
        try
        {
            return XmlConvert.ToDateTimeOffset(text);
        }
        catch (FormatException)
        {
            throw SmevFaultException.InvalidStructure($"{element} '{text}' is not an xs:dateTime.");
        }
    }

    /// <summary>The answer: <c>SendRequestResponse</c> with the metadata of the accepted message.</summary>
    public static void WriteResponse(XmlWriter writer, MessageMetadata metadata)
    {
        writer.WriteStartElement("ns2", "SendRequestResponse", SmevNamespaces.Types);
        metadata.Write(writer, "SIGNED_BY_SMEV");
        writer.WriteEndElement();
    }
}
