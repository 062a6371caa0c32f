using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <summary>A control card.</summary>
/// <param name="Overdue">Open and past due at the time of the request.</param>
public sealed record ControlView(string Number, string? Executor, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt, bool Overdue)
{
    public static ControlView Of(ControlCard card, DateTimeOffset now) =>
        new(card.Number.ToString(), card.Executor, card.DueAt, card.ClosedAt, card.IsOverdueAt(now));
}
