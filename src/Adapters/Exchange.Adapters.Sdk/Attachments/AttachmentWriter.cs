using System.Xml;
using Exchange.Protocol;
using Exchange.Signing.Cms;

namespace Exchange.Adapters.Sdk.Attachments;

/// <summary>Puts files into a request: headers (signed with the data) and contents (outside the signature, inline base64).</summary>
internal static class AttachmentWriter
{
    public static void AddHeaders(RequestEnvelope envelope, XmlElement providedData, IReadOnlyList<OutgoingAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }
        var list = envelope.Add(providedData, SmevNamespaces.Basic, "AttachmentHeaderList");
        foreach (var attachment in attachments)
        {
            var header = envelope.Add(list, SmevNamespaces.Basic, "AttachmentHeader");
            envelope.Add(header, SmevNamespaces.Basic, "contentId", attachment.ContentId);
            envelope.Add(header, SmevNamespaces.Basic, "MimeType", attachment.MimeType);
            if (attachment.SignWith is { } key)
            {
                envelope.Add(header, SmevNamespaces.Basic, "SignaturePKCS7", Convert.ToBase64String(DetachedCmsSigner.Sign(attachment.Content.Span, key)));
            }
        }
    }

    /// <summary>The content list goes right after the signed data, as the schema orders it.</summary>
    public static void AddContents(RequestEnvelope envelope, XmlElement providedData, IReadOnlyList<OutgoingAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }
        var list = envelope.Operation.OwnerDocument.CreateElement("basic", "AttachmentContentList", SmevNamespaces.Basic);
        envelope.Operation.InsertAfter(list, providedData);
        foreach (var attachment in attachments)
        {
            var content = envelope.Add(list, SmevNamespaces.Basic, "AttachmentContent");
            envelope.Add(content, SmevNamespaces.Basic, "Id", attachment.ContentId);
            envelope.Add(content, SmevNamespaces.Basic, "Content", Convert.ToBase64String(attachment.Content.Span));
        }
    }
}
