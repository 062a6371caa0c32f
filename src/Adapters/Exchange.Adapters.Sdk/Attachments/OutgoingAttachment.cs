using Exchange.Signing.Keys;

namespace Exchange.Adapters.Sdk.Attachments;

/// <summary>A file to send with a message.</summary>
/// <param name="ContentId">Its id in the message: an XML name without a colon (e.g. <c>passport-scan</c>), unique in the message.</param>
/// <param name="MimeType">An RFC 2046 type of text, image, audio, video or application, e.g. <c>application/pdf</c>.</param>
/// <param name="SignWith">A key (usually an officer's, ЭП-СП) for a detached CMS signature of the bytes (<c>SignaturePKCS7</c>); none when null.</param>
public sealed record OutgoingAttachment(string ContentId, string MimeType, ReadOnlyMemory<byte> Content, SigningKey? SignWith = null);
