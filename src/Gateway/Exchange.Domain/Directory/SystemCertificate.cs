using System.Text.Json.Serialization;

namespace Exchange.Domain.Directory;

/// <summary>A certificate a system signs with. A system may have several at once while a key is rolled over.</summary>
public sealed record SystemCertificate(
    string Thumbprint, string System, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, byte[] Der,
    DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;

    public bool IsValidAt(DateTimeOffset now) => IsActive && now >= NotBefore && now <= NotAfter;
}
