using System.Security.Cryptography;
using Exchange.Domain.Messages;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Soap;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Signing.Certificates;
using Exchange.Signing.Cms;
using Exchange.Signing.Xml;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Attachments;

/// <summary>
/// Takes a message's attachments in: the signed headers and the unsigned contents must pair up one to one, their total
/// must fit the per-message limit, and each <c>SignaturePKCS7</c> must verify over its bytes with a trusted certificate.
/// The quota is checked when the message is stored, under the sender's lock.
/// </summary>
public sealed class AttachmentIntake(IOptions<SoapOptions> options, CertificateValidator certificates, TimeProvider time)
{
    public IReadOnlyList<AcceptedAttachment> Take(IReadOnlyList<AttachmentHeader> headers, SoapRequest request)
    {
        var contents = AttachmentContent.ParseList(request);
        if (headers.Count == 0 && contents.Count == 0)
        {
            return [];
        }
        Coordinate(headers, contents);

        var total = contents.Sum(c => (long)c.Content.Length);
        if (total > options.Value.MaxTotalAttachmentBytes)
        {
            throw new SmevFaultException(SmevFault.AttachmentSizeLimitExceeded(options.Value.MaxTotalAttachmentBytes, total));
        }

        var byId = headers.ToDictionary(h => h.ContentId, StringComparer.Ordinal);
        foreach (var content in contents)
        {
            VerifySignatureIfPresent(byId[content.Id], content);
        }
        return contents.Select(c => new AcceptedAttachment(c.Id, byId[c.Id].MimeType, c.Content.Length,
            SHA256.HashData(c.Content.Span), c.Content.ToArray())).ToList();
    }

    // Sets, not nested scans: an inline request may list a great many tiny attachments.
    private static void Coordinate(IReadOnlyList<AttachmentHeader> headers, IReadOnlyList<AttachmentContent> contents)
    {
        var headerIds = new HashSet<string>(StringComparer.Ordinal);
        var contentIds = new HashSet<string>(StringComparer.Ordinal);
        var problem =
            headers.FirstOrDefault(h => !headerIds.Add(h.ContentId)) is { } header
                ? $"contentId '{header.ContentId}' is declared by more than one AttachmentHeader."
            : contents.FirstOrDefault(c => !contentIds.Add(c.Id)) is { } content
                ? $"Id '{content.Id}' is used by more than one AttachmentContent."
            : headers.FirstOrDefault(h => !contentIds.Contains(h.ContentId)) is { } unmatched
                ? $"AttachmentHeader '{unmatched.ContentId}' has no AttachmentContent with that Id."
            : contents.FirstOrDefault(c => !headerIds.Contains(c.Id)) is { } stray
                ? $"AttachmentContent '{stray.Id}' has no AttachmentHeader in the signed data."
            : null;
        if (problem is not null)
        {
            throw new SmevFaultException(SmevFault.AttachmentContentMiscoordination(problem));
        }
    }

    private void VerifySignatureIfPresent(AttachmentHeader header, AttachmentContent content)
    {
        if (header.SignaturePkcs7 is not { } signature)
        {
            return;
        }
        try
        {
            DetachedCmsVerifier.Verify(content.Content, signature, certificates, time.GetUtcNow());
        }
        catch (SignatureException refusal)
        {
            throw SignatureFaults.Refusal(refusal, FaultCodes.AttachmentSignature, $"SignaturePKCS7 of attachment '{header.ContentId}'");
        }
    }
}
