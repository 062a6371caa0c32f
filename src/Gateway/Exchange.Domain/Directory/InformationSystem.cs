using System.Text.Json.Serialization;

namespace Exchange.Domain.Directory;

/// <summary>A participant's information system (its EDMS, a medical system…): what actually calls the gateway.</summary>
public sealed record InformationSystem(string Mnemonic, string Participant, string Name, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;
}
