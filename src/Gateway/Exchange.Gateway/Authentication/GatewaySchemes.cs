namespace Exchange.Gateway.Authentication;

/// <summary>The gateway's authentication schemes.</summary>
public static class GatewaySchemes
{
    /// <summary>A bearer token of <c>Exchange:Admin:Tokens</c>.</summary>
    public const string AdminToken = "AdminToken";

    /// <summary>A bearer API token an administrator issued to an information system.</summary>
    public const string ApiToken = "ApiToken";

    /// <summary>The session cookie of a console user who signed in at <c>/console/login</c>.</summary>
    public const string Console = "Console";

    /// <summary>
    /// The default scheme: forwards to the scheme the request's path is answered by (see
    /// <see cref="GatewayAuthentication"/>), so a refusal looks as the caller of that path expects it.
    /// </summary>
    public const string ByPath = "ByPath";
}
