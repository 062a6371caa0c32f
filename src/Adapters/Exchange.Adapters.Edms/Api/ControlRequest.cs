namespace Exchange.Adapters.Edms.Api;

/// <summary>Who executes a document and by when.</summary>
/// <param name="DueAt">An ISO 8601 time with its offset, e.g. 2026-12-15T18:00:00+03:00.</param>
public sealed record ControlRequest(string? Executor, string? DueAt)
{
    internal (string Executor, DateTimeOffset DueAt) Read(FieldErrors errors)
    {
        var executor = errors.Text("executor", Executor, 200);
        if (DueAt is null)
        {
            errors.Add("dueAt", "Required.");
        }
        return (executor, errors.Time("dueAt", DueAt) ?? default);
    }
}
