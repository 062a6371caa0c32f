namespace Exchange.Domain.Messages;

/// <summary>How many attachment bytes a sender may have accepted since <paramref name="Since"/>, this message included.</summary>
public sealed record AttachmentQuota(long Bytes, DateTimeOffset Since);
