namespace Exchange.Domain.Users;

/// <summary>What signing in needs of a console user: the user, its password hash and its lockout state.</summary>
/// <param name="LockedUntil">Sign-in is refused until then, whatever the password.</param>
public sealed record StoredCredentials(ConsoleUser User, string PasswordHash, DateTimeOffset? LockedUntil);
