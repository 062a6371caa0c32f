namespace Exchange.Gateway.Authentication;

/// <summary>
/// The roles a principal holds, as role claims. The holder of an admin token holds <see cref="Administrator"/> and
/// <see cref="Operator"/>; a console user holds the roles an administrator gave it.
/// </summary>
public static class GatewayRoles
{
    /// <summary>Traces messages: metadata, statuses, overdue, queues, dead-letter actions.</summary>
    public const string Operator = "operator";

    /// <summary>May open a message's content and files.</summary>
    public const string ContentReader = "content_reader";

    /// <summary>Changes the directory and the console's users.</summary>
    public const string Administrator = "administrator";
}
