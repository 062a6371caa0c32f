using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Exchange.Domain.Users;

/// <summary>
/// A user of the operator console, as listed and audited: never with its password hash nor its failed attempts.
/// Names are logins, compared in lower case.
/// </summary>
/// <param name="CreatedBy">The administrator (admin token holder or console user) who added it.</param>
/// <param name="PasswordChangedAt">When the password was set, so the audit shows a reset without showing the password.</param>
public sealed partial record ConsoleUser(string Name, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset PasswordChangedAt)
{
    /// <summary>The least a password may be long.</summary>
    public const int MinimumPasswordLength = 10;

    [JsonIgnore]
    public bool IsActive => !IsDisabled;

    /// <summary>The login as stored: trimmed, lower case.</summary>
    /// <exception cref="InvalidDataException">Not 1 to 64 letters, digits, dots, dashes or underscores.</exception>
    public static string NormalizeName(string name) => TryNormalizeName(name, out var normalized)
        ? normalized
        : throw new InvalidDataException("A user name is 1 to 64 Latin letters, digits, dots, dashes or underscores.");

    /// <summary>The login as stored, when <paramref name="name"/> can be one.</summary>
    public static bool TryNormalizeName(string name, out string normalized)
    {
        normalized = name.Trim().ToLowerInvariant();
        return NamePattern().IsMatch(normalized);
    }

    /// <exception cref="InvalidDataException">The password is shorter than <see cref="MinimumPasswordLength"/>.</exception>
    public static void RequireAcceptablePassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new InvalidDataException($"A password has at least {MinimumPasswordLength} characters.");
        }
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
