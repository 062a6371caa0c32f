namespace Exchange.Domain.Audit;

/// <summary>One page of an audit search, newest first.</summary>
/// <param name="Next">The cursor of the next page (<see cref="AuditQuery.After"/>); null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);
