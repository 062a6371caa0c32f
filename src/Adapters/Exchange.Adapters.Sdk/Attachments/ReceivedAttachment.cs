namespace Exchange.Adapters.Sdk.Attachments;

/// <summary>A file that came with a received message.</summary>
/// <param name="SignerCertificate">The DER certificate of the <c>SignaturePKCS7</c> signer when <paramref name="Signature"/> is Verified.</param>
public sealed record ReceivedAttachment(string ContentId, string MimeType, ReadOnlyMemory<byte> Content,
    AttachmentSignatureStatus Signature, byte[]? SignerCertificate);
