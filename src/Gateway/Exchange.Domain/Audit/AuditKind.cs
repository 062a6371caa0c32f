namespace Exchange.Domain.Audit;

/// <summary>What an audit entry records: a directory change, or one of the console's <see cref="ConsoleAction"/>s.</summary>
public static class AuditKind
{
    /// <summary>An administrator (or a directory import) added, changed or removed a directory entry.</summary>
    public const string DirectoryChange = "directory_change";

    public static IReadOnlyList<string> All { get; } =
        [DirectoryChange, ConsoleAction.ContentOpened, ConsoleAction.Requeued, ConsoleAction.Discarded];
}
