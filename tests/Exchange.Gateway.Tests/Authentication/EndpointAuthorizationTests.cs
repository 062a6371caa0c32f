using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Authentication;

/// <summary>Every endpoint says who may call it; one that does not is closed to everyone.</summary>
public sealed class EndpointAuthorizationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void every_mapped_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var unguarded = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.Contains(endpoints, e => e is RouteEndpoint route && route.RoutePattern.RawText?.TrimStart('/') == "console/login");
        Assert.True(unguarded.Count == 0, "Endpoints without a policy or AllowAnonymous: " + string.Join(", ", unguarded));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData(Soap.SoapEndpoint.Path + "?wsdl")]
    public async Task the_public_endpoints_answer_without_credentials(string path)
    {
        using var response = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, path), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task an_unknown_path_is_refused_to_an_anonymous_caller_and_not_found_for_an_authenticated_one()
    {
        using var anonymous = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, "/api/no-such-endpoint"), Token);
        using var admin = await gateway.Admin().GetAsync("/api/no-such-endpoint", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
    }
}
