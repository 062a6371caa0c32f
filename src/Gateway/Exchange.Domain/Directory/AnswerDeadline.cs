namespace Exchange.Domain.Directory;

/// <summary>How long the recipient has to answer, e.g. 30 calendar days for a citizen's appeal.</summary>
public sealed record AnswerDeadline(int Days, DayKind DayKind);
