namespace Exchange.Adapters.Contracts;

/// <summary>A response the adapter stored for one of its requests: its MessageID, and whether it was a <c>RequestRejected</c>.</summary>
public sealed record SeenResponse(Guid MessageId, bool IsRejection);
