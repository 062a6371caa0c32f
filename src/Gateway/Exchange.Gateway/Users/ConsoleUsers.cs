using Exchange.Domain.Users;
using Exchange.Gateway.Storage.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Users;

/// <summary>
/// The operator console's users: managed by administrators (passwords hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> before they reach storage), and signing in with lockout after repeated failures.
/// </summary>
public sealed class ConsoleUsers(ConsoleUserStore store, IPasswordHasher<ConsoleUser> hasher, IOptionsMonitor<ConsoleOptions> options,
    ILogger<ConsoleUsers> logger)
{
    // Verified against when the user is unknown, so an unknown name takes as long to refuse as a wrong password.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Decoy, Guid.NewGuid().ToString()));

    private static readonly ConsoleUser Decoy = new("", [], IsDisabled: true, default, "", default);

    /// <exception cref="InvalidDataException">The name, a role or the password is not acceptable.</exception>
    /// <exception cref="DuplicateUserException">There is a user of that name.</exception>
    public Task<ConsoleUser> AddAsync(string name, string password, IEnumerable<string> roles, string actor, CancellationToken cancellationToken)
    {
        var normalized = ConsoleUser.NormalizeName(name);
        var userRoles = UserRoles.Normalize(roles);
        ConsoleUser.RequireAcceptablePassword(password);
        return store.AddAsync(normalized, userRoles, hasher.HashPassword(Decoy, password), actor, cancellationToken);
    }

    public Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <exception cref="KeyNotFoundException">There is no such user.</exception>
    public Task<ConsoleUser> DisableAsync(string name, string actor, CancellationToken cancellationToken) =>
        store.DisableAsync(ConsoleUser.NormalizeName(name), actor, cancellationToken);

    /// <exception cref="InvalidDataException">A role is not one of <see cref="UserRoles.All"/>.</exception>
    /// <exception cref="KeyNotFoundException">There is no such user.</exception>
    public Task<ConsoleUser> SetRolesAsync(string name, IEnumerable<string> roles, string actor, CancellationToken cancellationToken) =>
        store.SetRolesAsync(ConsoleUser.NormalizeName(name), UserRoles.Normalize(roles), actor, cancellationToken);

    /// <summary>Sets a new password and lifts a lockout.</summary>
    /// <exception cref="InvalidDataException">The password is not acceptable.</exception>
    /// <exception cref="KeyNotFoundException">There is no such user.</exception>
    public Task<ConsoleUser> ResetPasswordAsync(string name, string password, string actor, CancellationToken cancellationToken)
    {
        ConsoleUser.RequireAcceptablePassword(password);
        return store.SetPasswordAsync(ConsoleUser.NormalizeName(name), hasher.HashPassword(Decoy, password), actor, cancellationToken);
    }

    /// <summary>The user, when the name and password are right and the user is neither disabled nor locked out.</summary>
    /// <returns>Null for every refusal alike (the log says which it was), so nobody learns which names exist.</returns>
    public async Task<ConsoleUser?> SignInAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        var console = options.CurrentValue;
        bool Matches(string? hash) =>
            hasher.VerifyHashedPassword(Decoy, hash ?? _decoyHash.Value, password ?? "") != PasswordVerificationResult.Failed;
        if (!ConsoleUser.TryNormalizeName(name ?? "", out var normalized))
        {
            Matches(null);
            Log.ConsoleSignInRefused(logger, "(not a user name)", "no such user");
            return null;
        }
        var outcome = await store.SignInAsync(normalized, Matches, console.LockoutAttempts, console.LockoutDuration, cancellationToken);
        if (outcome.User is { } user)
        {
            Log.ConsoleSignedIn(logger, normalized);
            return user;
        }
        Log.ConsoleSignInRefused(logger, normalized, outcome.Refusal!);
        if (outcome.LockedUntil is { } lockedUntil)
        {
            Log.ConsoleUserLockedOut(logger, normalized, console.LockoutAttempts, lockedUntil);
        }
        return null;
    }
}
