namespace Exchange.Adapters.Contracts;

/// <summary>A file travelling with a message, compared by its MIME type and bytes (each side may name it its own way).</summary>
public sealed record ContractFile(string Name, string MimeType, byte[] Content);
