using System.Text.RegularExpressions;
using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Attachments;

/// <summary>
/// One <c>basic:AttachmentHeader</c>: the signed description of an attachment whose bytes travel in
/// <c>AttachmentContentList</c> under the same id.
/// </summary>
/// <param name="SignaturePkcs7">A detached CMS SignedData over the attachment's bytes, when the sender added one.</param>
public sealed partial record AttachmentHeader(string ContentId, string MimeType, string? NamespaceUri, byte[]? SignaturePkcs7)
{
    /// <summary>
    /// The headers in <c>SenderProvidedRequestData</c> / <c>SenderProvidedResponseData</c> (empty when it has none).
    /// A <c>RefAttachmentHeaderList</c> is refused: it points into SMEV's FTP file store, and this gateway runs none.
    /// </summary>
    public static IReadOnlyList<AttachmentHeader> ParseList(XmlElement providedData)
    {
        if (providedData.OptionalChild(SmevNamespaces.Basic, "RefAttachmentHeaderList") is not null)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.FileStoreUnsupported,
                "RefAttachmentHeaderList refers to files in a file store (FTP); this gateway runs none. " +
                "Send the files in the message itself (AttachmentHeaderList and AttachmentContentList, inline or MTOM)."));
        }
        var list = providedData.OptionalChild(SmevNamespaces.Basic, "AttachmentHeaderList");
        if (list is null)
        {
            return [];
        }
        var headers = list.ChildElements().Select(Parse).ToList();
        return headers.Count > 0 ? headers : throw SmevFaultException.InvalidStructure("AttachmentHeaderList must hold at least one AttachmentHeader.");
    }

    private static AttachmentHeader Parse(XmlElement header)
    {
        if (header.LocalName != "AttachmentHeader" || header.NamespaceURI != SmevNamespaces.Basic)
        {
            throw SmevFaultException.InvalidStructure($"AttachmentHeaderList may hold only basic:AttachmentHeader, not '{header.LocalName}'.");
        }
        var mimeType = header.RequiredText(SmevNamespaces.Basic, "MimeType");
        if (!MimeTypePattern().IsMatch(mimeType))
        {
            throw SmevFaultException.InvalidStructure($"MimeType '{mimeType}' is not an RFC 2046 type of text, image, audio, video or application.");
        }
        return new AttachmentHeader(
            header.RequiredText(SmevNamespaces.Basic, "contentId"),
            mimeType,
            header.OptionalText(SmevNamespaces.Basic, "NamespaceUri"),
            header.OptionalText(SmevNamespaces.Basic, "SignaturePKCS7") is { } signature ? Base64(signature, "SignaturePKCS7") : null);
    }

    internal static byte[] Base64(string text, string what)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.AttachmentEncoding, $"{what} is not valid base64."));
        }
    }

    // The official schema's RFC2046MimeTypesType pattern, anchored as XSD patterns are.
    [GeneratedRegex(@"^(text|image|audio|video|application)/[a-zA-Z0-9\-+.]*$")]
    private static partial Regex MimeTypePattern();
}
