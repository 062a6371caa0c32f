using Exchange.Domain.Audit;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// One line of a message's timeline: a status of its history, or something a console user did to it (then
/// <see cref="OperatorAction"/> is the <see cref="ConsoleAction"/> and <see cref="Status"/> is null).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string? Status, string? OperatorAction, string Actor, string? Reason, string? Node)
{
    /// <summary>
    /// The history and the users' actions by time; entries of the same instant keep their own order, statuses first.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Of(IEnumerable<StatusEntry> history, IEnumerable<ConsoleAuditEntry> actions) =>
        history.Select(h => new TimelineEntry(h.At, h.Status, null, h.Actor, h.Reason, h.Node))
            .Concat(actions.Select(a => new TimelineEntry(a.At, null, a.Action, a.Actor, a.Reason, a.Node)))
            .OrderBy(e => e.At)
            .ToList();
}
