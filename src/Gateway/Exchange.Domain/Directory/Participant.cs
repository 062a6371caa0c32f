using System.Text.Json.Serialization;

namespace Exchange.Domain.Directory;

/// <summary>A body of the region that sends and receives messages; its mnemonic names its queue.</summary>
public sealed record Participant(string Mnemonic, string Name, ParticipantLevel Level, string? Parent = null, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;
}
