using System.Xml;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>SendResponseRequest</c>: a provider's answer to a request it received.</summary>
public sealed record SendResponseRequest
{
    private static readonly HashSet<string> RejectionCodes = ["ACCESS_DENIED", "NO_DATA", "UNKNOWN_REQUEST_DESCRIPTION", "FAILURE"];

    /// <summary>The <c>SenderProvidedResponseData</c> element exactly as received (what the provider signed).</summary>
    public required XmlElement ResponseData { get; init; }
    public required Guid MessageId { get; init; }

    /// <summary>The request's <c>ReplyTo</c>, copied by the provider.</summary>
    public required string To { get; init; }
    public required ResponseContent Content { get; init; }

    /// <summary>The business document, for <see cref="ResponseContent.Document"/>.</summary>
    public XmlElement? BusinessContent { get; init; }

    /// <summary>The rejection reason codes, for <see cref="ResponseContent.Rejection"/>.</summary>
    public IReadOnlyList<string> RejectionReasons { get; init; } = [];
    public XmlElement? CallerSignature { get; init; }

    /// <summary>The officer's signature (ЭП-СП) over <see cref="BusinessContent"/>, when the provider added one.</summary>
    public XmlElement? PersonalSignature { get; init; }

    /// <summary>The signed headers of the attachments; their contents are in the operation's AttachmentContentList.</summary>
    public IReadOnlyList<AttachmentHeader> AttachmentHeaders { get; init; } = [];

    /// <summary>The type the response is filed under: the business root, or SMEV's element for rejections and statuses.</summary>
    public MessageType MessageType => Content switch
    {
        ResponseContent.Document => MessageType.Of(BusinessContent!),
        ResponseContent.Rejection => new MessageType(SmevNamespaces.Types, "RequestRejected"),
        _ => new MessageType(SmevNamespaces.Types, "RequestStatus"),
    };

    public static SendResponseRequest Parse(XmlElement operation)
    {
        const string ns = SmevNamespaces.Types;
        var data = operation.RequiredChild(ns, "SenderProvidedResponseData");
        data.RequireOnlyChildren((ns, "MessageID"), (ns, "To"), (SmevNamespaces.Basic, "MessagePrimaryContent"), (ns, "PersonalSignature"),
            (SmevNamespaces.Basic, "AttachmentHeaderList"), (SmevNamespaces.Basic, "RefAttachmentHeaderList"), (ns, "RequestRejected"),
            (ns, "RequestStatus"), (ns, "AsyncProcessingStatus"));
        var to = data.RequiredText(ns, "To");
        if (to.Length is 0 or > 4000)
        {
            throw SmevFaultException.InvalidStructure("To must hold the request's ReplyTo (1 to 4000 characters).");
        }

        var primary = data.OptionalChild(SmevNamespaces.Basic, "MessagePrimaryContent");
        var rejections = data.ChildElements().Where(e => e.LocalName == "RequestRejected" && e.NamespaceURI == ns).ToList();
        var status = data.OptionalChild(ns, "RequestStatus");
        if (data.OptionalChild(ns, "AsyncProcessingStatus") is not null)
        {
            throw SmevFaultException.InvalidStructure("AsyncProcessingStatus is reported by the gateway, not sent by participants.");
        }
        if ((primary is null ? 0 : 1) + (rejections.Count > 0 ? 1 : 0) + (status is null ? 0 : 1) != 1)
        {
            throw SmevFaultException.InvalidStructure("SenderProvidedResponseData must carry exactly one of MessagePrimaryContent, RequestRejected or RequestStatus.");
        }
        var personal = data.OptionalChild(ns, "PersonalSignature");
        if (personal is not null && primary is null)
        {
            throw SmevFaultException.InvalidStructure("PersonalSignature signs the business document in MessagePrimaryContent; a rejection or a status carries none.");
        }

        return new SendResponseRequest
        {
            ResponseData = data,
            MessageId = MessageIds.Parse(data.RequiredText(ns, "MessageID")),
            To = to,
            Content = primary is not null ? ResponseContent.Document : rejections.Count > 0 ? ResponseContent.Rejection : ResponseContent.Status,
            BusinessContent = primary is null ? null : SingleBusinessElement(primary),
            RejectionReasons = rejections.Select(RejectionCode).ToList(),
            CallerSignature = operation.OptionalChild(ns, "CallerInformationSystemSignature"),
            PersonalSignature = personal,
            AttachmentHeaders = AttachmentHeader.ParseList(data),
        };
    }

    /// <summary>The answer: <c>SendResponseResponse</c> with the metadata of the accepted response.</summary>
    public static void WriteResponse(XmlWriter writer, MessageMetadata metadata)
    {
        writer.WriteStartElement("ns2", "SendResponseResponse", SmevNamespaces.Types);
        metadata.Write(writer, "SIGNED_BY_SMEV");
        writer.WriteEndElement();
    }

    private static XmlElement SingleBusinessElement(XmlElement primary)
    {
        var business = primary.ChildElements().ToList();
        return business.Count == 1
            ? business[0]
            : throw SmevFaultException.InvalidStructure($"MessagePrimaryContent must hold exactly one business element; it holds {business.Count}.");
    }

    private static string RejectionCode(XmlElement rejection)
    {
        var code = rejection.RequiredText(SmevNamespaces.Types, "RejectionReasonCode");
        rejection.RequiredText(SmevNamespaces.Types, "RejectionReasonDescription");
        return RejectionCodes.Contains(code)
            ? code
            : throw SmevFaultException.InvalidStructure($"RejectionReasonCode '{code}' is not one of {string.Join(", ", RejectionCodes)}.");
    }
}
