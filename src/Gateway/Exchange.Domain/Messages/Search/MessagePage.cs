namespace Exchange.Domain.Messages.Search;

/// <summary>One page of a search, newest first.</summary>
/// <param name="Next">The cursor of the next page (<see cref="MessageQuery.After"/>); null on the last page.</param>
public sealed record MessagePage(IReadOnlyList<FoundMessage> Messages, string? Next);
