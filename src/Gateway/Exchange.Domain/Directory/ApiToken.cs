using System.Text.Json.Serialization;

namespace Exchange.Domain.Directory;

/// <summary>
/// An API token of an information system, as it is listed and audited: never with its secret, which only the holder has.
/// </summary>
/// <param name="Label">What the administrator noted when issuing it (whose front end, which server), if anything.</param>
/// <param name="CreatedBy">The admin token holder who issued it.</param>
public sealed record ApiToken(long Id, string System, string? Label, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;
}
