using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Edms.Api;

/// <summary>Lets through only calls that send the configured API key in the <c>X-Api-Key</c> header.</summary>
internal sealed class ApiKeyFilter(IOptions<EdmsOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Compared as hashes in constant time: neither the key's bytes nor its length show in the response time.
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[Header].ToString()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey));
        return CryptographicOperations.FixedTimeEquals(sent, expected)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Send the EDMS's API key in the {Header} header."));
    }
}
