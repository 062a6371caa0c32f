using System.Net;
using Exchange.Domain.Users;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The operator's overview pages open to the operator role and to no other.</summary>
public sealed class OperatorPageAccessTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/console/overdue", UserRoles.Operator, HttpStatusCode.OK)]
    [InlineData("/console/participants", UserRoles.Operator, HttpStatusCode.OK)]
    [InlineData("/console/audit", UserRoles.Operator, HttpStatusCode.OK)]
    [InlineData("/console/overdue", UserRoles.ContentReader, HttpStatusCode.Forbidden)]
    [InlineData("/console/participants", UserRoles.ContentReader, HttpStatusCode.Forbidden)]
    [InlineData("/console/audit", UserRoles.ContentReader, HttpStatusCode.Forbidden)]
    public async Task only_the_operator_role_opens_the_page(string path, string role, HttpStatusCode expected)
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "access", role);

        using var response = await browser.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }
}
