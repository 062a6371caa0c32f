namespace Exchange.Domain.Messages.Search;

/// <summary>
/// What an operator searches messages by; every filter left null (or empty) matches every message. Results come
/// newest first (by accepted time, then MessageID), a page at a time. <see cref="Problems"/> refuses absurd input
/// rather than clip it: a search runs as asked or not at all.
/// </summary>
public sealed record MessageQuery
{
    public const int MaxPageSize = 200;
    public const int MaxTextLength = 256;
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public Guid? MessageId { get; init; }
    public string? Sender { get; init; }
    public string? Recipient { get; init; }

    /// <summary>The message type's namespace; with <see cref="RootElement"/>, the one type.</summary>
    public string? NamespaceUri { get; init; }
    public string? RootElement { get; init; }

    /// <summary>The current status, one of <see cref="MessageStatus"/>.</summary>
    public string? Status { get; init; }

    /// <summary>Accepted at or after <see cref="From"/> and before <see cref="To"/>; both or neither.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Only test messages (true), only real ones (false), or both (null).</summary>
    public bool? IsTest { get; init; }

    /// <summary>Only requests past their answer deadline without an answer, as of the time the search is run at.</summary>
    public bool OverdueOnly { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>The <see cref="MessagePage.Next"/> of the previous page; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>What is wrong with this query, every problem at once; empty when it may run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PageSize is < 1 or > MaxPageSize)
        {
            problems.Add($"the page size must be from 1 to {MaxPageSize}, not {PageSize}");
        }
        foreach (var (name, value) in new[]
                 {
                     ("sender", Sender), ("recipient", Recipient), ("namespace", NamespaceUri), ("root element", RootElement),
                     ("status", Status), ("cursor", After),
                 })
        {
            if (value?.Length > MaxTextLength)
            {
                problems.Add($"the {name} may be at most {MaxTextLength} characters, not {value.Length}");
            }
        }
        if (!string.IsNullOrEmpty(RootElement) && string.IsNullOrEmpty(NamespaceUri))
        {
            problems.Add("a root element names a message type only with its namespace");
        }
        if (!string.IsNullOrEmpty(Status) && Status.Length <= MaxTextLength && !MessageStatus.All.Contains(Status))
        {
            problems.Add($"the status must be one of {string.Join(", ", MessageStatus.All)}, not '{Status}'");
        }
        if (From.HasValue != To.HasValue)
        {
            problems.Add("a period needs both its start and its end");
        }
        else if (From >= To)
        {
            problems.Add("the period must end after it starts");
        }
        else if (To - From > MaxPeriod)
        {
            problems.Add($"the period may be at most {MaxPeriod.TotalDays:0} days, not {(To - From)!.Value.TotalDays:0}");
        }
        if (!string.IsNullOrEmpty(After) && After.Length <= MaxTextLength && MessageCursor.Decode(After) is null)
        {
            problems.Add("the cursor is not one a previous page gave; start again from the first page");
        }
        return problems;
    }

    /// <summary>The position this page starts after; null for the first page.</summary>
    /// <exception cref="InvalidMessageQueryException">The query has <see cref="Problems"/>.</exception>
    public MessageCursor? StartAfter()
    {
        if (Problems() is { Count: > 0 } problems)
        {
            throw new InvalidMessageQueryException(problems);
        }
        return string.IsNullOrEmpty(After) ? null : MessageCursor.Decode(After);
    }
}
