using Exchange.Domain.Messages.Search;

namespace Exchange.Domain.Messages;

/// <summary>A message whose delivery was given up (its current status is <c>failed</c>), as the console lists it.</summary>
/// <param name="Message">Its metadata; <see cref="FoundMessage.StatusAt"/> is when it failed.</param>
/// <param name="Reason">The reason its history gives for the failure.</param>
public sealed record FailedMessage(FoundMessage Message, string? Reason);
