namespace Exchange.Domain.Messages;

/// <summary>An attachment as stored with its message.</summary>
/// <param name="ContentId">The id its header and content share in the message.</param>
public sealed record AcceptedAttachment(string ContentId, string MimeType, long Size, byte[] Sha256, byte[] Content);
