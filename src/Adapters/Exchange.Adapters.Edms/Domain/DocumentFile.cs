using System.Security.Cryptography;

namespace Exchange.Adapters.Edms.Domain;

/// <summary>A file to store with a document.</summary>
public sealed record DocumentFile(string Name, string MimeType, byte[] Content)
{
    public byte[] Sha256 => SHA256.HashData(Content);
}
