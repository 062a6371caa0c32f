using System.Xml;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Mtom;
using Exchange.Signing.Certificates;
using Exchange.Signing.Cms;
using Exchange.Signing.Xml;

namespace Exchange.Adapters.Sdk.Attachments;

/// <summary>Reads the files of a received message and checks their <c>SignaturePKCS7</c>s.</summary>
internal static class AttachmentReader
{
    /// <param name="message">RequestMessage or ResponseMessage, which holds the AttachmentContentList.</param>
    /// <param name="providedData">The sender's signed data, which holds the headers.</param>
    public static IReadOnlyList<ReceivedAttachment> Read(XmlElement message, XmlElement providedData, MtomMessage? mtom, CertificateValidator trust, DateTimeOffset now)
    {
        var parts = mtom is null ? XopParts.None(message) : XopParts.Bind(message, mtom.Parts);
        var headers = AttachmentHeader.ParseList(providedData).ToDictionary(h => h.ContentId, StringComparer.Ordinal);
        return AttachmentContent.ParseList(message, parts).Select(content =>
        {
            var header = headers.GetValueOrDefault(content.Id)
                ?? throw new SignatureException(SignatureError.MalformedSignature, $"Attachment '{content.Id}' has no header in the signed data.");
            var (status, signer) = Check(header, content, trust, now);
            return new ReceivedAttachment(content.Id, header.MimeType, content.Content, status, signer);
        }).ToList();
    }

    private static (AttachmentSignatureStatus, byte[]?) Check(AttachmentHeader header, AttachmentContent content, CertificateValidator trust, DateTimeOffset now)
    {
        if (header.SignaturePkcs7 is not { } signature)
        {
            return (AttachmentSignatureStatus.Unsigned, null);
        }
        try
        {
            var verified = DetachedCmsVerifier.Verify(content.Content, signature, trust, now);
            return (AttachmentSignatureStatus.Verified, verified.CertificateDer);
        }
        catch (SignatureException)
        {
            // Reported, not thrown: the message itself is genuine (the gateway signed it); what to do with a file whose
            // signature fails is the receiving system's decision.
            return (AttachmentSignatureStatus.Invalid, null);
        }
    }
}
