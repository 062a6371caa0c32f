namespace Exchange.Adapters.Edms.Domain;

/// <summary>Operational control of one incoming document or appeal: who executes it, by when, and whether it is answered.</summary>
/// <param name="DueAt">None until someone sets it (a letter that asks for no answer by a date).</param>
public sealed record ControlCard(RegistrationNumber Number, string? Executor, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt)
{
    public bool IsOverdueAt(DateTimeOffset at) => ClosedAt is null && DueAt < at;
}
