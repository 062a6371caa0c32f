namespace Exchange.Domain.Audit;

/// <summary>An audit search was refused before it ran; <see cref="Problems"/> says what to change.</summary>
public sealed class InvalidAuditQueryException(IReadOnlyList<string> problems)
    : Exception("The audit search is refused: " + string.Join("; ", problems) + ".")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
