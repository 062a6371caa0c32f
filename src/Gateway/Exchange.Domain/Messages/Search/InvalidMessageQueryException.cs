namespace Exchange.Domain.Messages.Search;

/// <summary>A search was refused before it ran; <see cref="Problems"/> says what to change.</summary>
public sealed class InvalidMessageQueryException(IReadOnlyList<string> problems)
    : Exception("The message search is refused: " + string.Join("; ", problems) + ".")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
