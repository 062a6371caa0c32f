namespace Exchange.Domain.Audit;

/// <summary>One thing a console user did, as the console's audit keeps it.</summary>
/// <param name="Action">One of <see cref="ConsoleAction"/>.</param>
/// <param name="Node">The gateway node the user did it on.</param>
public sealed record ConsoleAuditEntry(DateTimeOffset At, string Actor, string Action, string Reason, string? Node);
