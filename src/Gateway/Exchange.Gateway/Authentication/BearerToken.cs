namespace Exchange.Gateway.Authentication;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header, for the token-protected APIs.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The presented token; empty when the request carries none (or another scheme).</summary>
    public static string Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
    }
}
