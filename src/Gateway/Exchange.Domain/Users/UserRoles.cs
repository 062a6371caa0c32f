namespace Exchange.Domain.Users;

/// <summary>
/// The roles of the operator console's users (a user may hold several). The holder of an admin token holds
/// <see cref="Administrator"/> and <see cref="Operator"/>.
/// </summary>
public static class UserRoles
{
    /// <summary>Traces messages: metadata, statuses, overdue, queues, dead-letter actions.</summary>
    public const string Operator = "operator";

    /// <summary>May open a message's content and files.</summary>
    public const string ContentReader = "content_reader";

    /// <summary>Changes the directory and the console's users.</summary>
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Operator, ContentReader, Administrator];

    /// <summary>The roles, each once, in the order of <see cref="All"/>.</summary>
    /// <exception cref="InvalidDataException">A role is not one of <see cref="All"/>.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> roles)
    {
        var given = roles.Select(r => (r ?? "").Trim().ToLowerInvariant()).ToHashSet();
        var unknown = given.Except(All).ToList();
        return unknown.Count > 0
            ? throw new InvalidDataException($"Unknown role {string.Join(", ", unknown)}: the roles are {string.Join(", ", All)}.")
            : [.. All.Where(given.Contains)];
    }
}
