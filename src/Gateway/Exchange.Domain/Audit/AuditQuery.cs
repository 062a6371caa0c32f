namespace Exchange.Domain.Audit;

/// <summary>
/// What an operator searches the audit by, within a period it must give (at most <see cref="MaxPeriod"/>): the actor,
/// the kind of entry, the message a console action concerns. <see cref="Problems"/> refuses absurd input rather than
/// clip it.
/// </summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;
    public const int MaxTextLength = 256;
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <summary>Entries at or after <see cref="From"/> and before <see cref="To"/>.</summary>
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }

    /// <summary>The console user or admin-token holder who acted, exactly.</summary>
    public string? Actor { get; init; }

    /// <summary>One of <see cref="AuditKind.All"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>Only console actions on this message (a directory change concerns none).</summary>
    public Guid? MessageId { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>The <see cref="AuditPage.Next"/> of the previous page; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>Whether directory changes can match at all.</summary>
    public bool IncludesDirectory => MessageId is null && (Kind is null || Kind == AuditKind.DirectoryChange);

    /// <summary>Whether console actions can match at all.</summary>
    public bool IncludesConsole => Kind != AuditKind.DirectoryChange;

    /// <summary>What is wrong with this query, every problem at once; empty when it may run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PageSize is < 1 or > MaxPageSize)
        {
            problems.Add($"the page size must be from 1 to {MaxPageSize}, not {PageSize}");
        }
        foreach (var (name, value) in new[] { ("actor", Actor), ("kind", Kind), ("cursor", After) })
        {
            if (value?.Length > MaxTextLength)
            {
                problems.Add($"the {name} may be at most {MaxTextLength} characters, not {value.Length}");
            }
        }
        if (Kind is { Length: <= MaxTextLength } && !AuditKind.All.Contains(Kind))
        {
            problems.Add($"the kind must be one of {string.Join(", ", AuditKind.All)}, not '{Kind}'");
        }
        if (From >= To)
        {
            problems.Add("the period must end after it starts");
        }
        else if (To - From > MaxPeriod)
        {
            problems.Add($"the period may be at most {MaxPeriod.TotalDays:0} days, not {(To - From).TotalDays:0}");
        }
        if (After is { Length: > 0 and <= MaxTextLength } && AuditCursor.Decode(After) is null)
        {
            problems.Add("the cursor is not one a previous page gave; start again from the first page");
        }
        return problems;
    }

    /// <summary>The position this page starts after; null for the first page.</summary>
    /// <exception cref="InvalidAuditQueryException">The query has <see cref="Problems"/>.</exception>
    public AuditCursor? StartAfter()
    {
        if (Problems() is { Count: > 0 } problems)
        {
            throw new InvalidAuditQueryException(problems);
        }
        return string.IsNullOrEmpty(After) ? null : AuditCursor.Decode(After);
    }
}
