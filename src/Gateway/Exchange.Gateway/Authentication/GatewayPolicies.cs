namespace Exchange.Gateway.Authentication;

/// <summary>The authorization policies endpoints name; an endpoint naming none (and not anonymous) is refused to all.</summary>
public static class GatewayPolicies
{
    public const string Operator = "Operator";
    public const string ContentReader = "ContentReader";
    public const string Administrator = "Administrator";

    /// <summary>An information system calling the participant API with its API token.</summary>
    public const string Participant = "Participant";
}
