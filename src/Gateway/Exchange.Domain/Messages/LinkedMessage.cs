using Exchange.Domain.Messages.Search;

namespace Exchange.Domain.Messages;

/// <summary>A message linked to another, with its metadata and where it is now.</summary>
public sealed record LinkedMessage(MessageLink Link, FoundMessage Message);
