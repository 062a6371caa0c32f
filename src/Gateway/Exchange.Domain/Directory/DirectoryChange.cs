namespace Exchange.Domain.Directory;

/// <summary>One audited change: what an entity was before and after (null: did not exist).</summary>
public sealed record DirectoryChange(long Id, DateTimeOffset At, string Actor, string Entity, string Key, string? Before, string? After);
