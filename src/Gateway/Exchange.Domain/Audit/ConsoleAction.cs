namespace Exchange.Domain.Audit;

/// <summary>What a console user did that the audit keeps, with the reason the user gave; the values are the database's.</summary>
public static class ConsoleAction
{
    /// <summary>A content reader opened a message's content or one of its files.</summary>
    public const string ContentOpened = "content_opened";

    /// <summary>An operator sent a failed message again.</summary>
    public const string Requeued = "requeued";

    /// <summary>An operator gave up on a failed message.</summary>
    public const string Discarded = "discarded";

    /// <summary>The longest reason kept (the column's limit); a longer one is refused, never cut.</summary>
    public const int MaxReasonLength = 1000;
}
