namespace Exchange.Adapters.Edms.Domain;

/// <summary>A file of a registered document, without its bytes.</summary>
public sealed record StoredFile(long Id, string Name, string MimeType, long Size, string Sha256);
