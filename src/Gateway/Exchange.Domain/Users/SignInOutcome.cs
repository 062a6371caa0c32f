namespace Exchange.Domain.Users;

/// <summary>What became of one sign-in attempt.</summary>
/// <param name="User">The user signed in; null when the attempt was refused.</param>
/// <param name="Refusal">Why it was refused, for the log only (every refusal looks the same to the person signing in).</param>
/// <param name="LockedUntil">Set when this attempt's wrong password locked the user out, until then.</param>
public sealed record SignInOutcome(ConsoleUser? User, string? Refusal, DateTimeOffset? LockedUntil = null);
