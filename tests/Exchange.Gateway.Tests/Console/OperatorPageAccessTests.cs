using System.Net;
using Exchange.Domain.Users;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The operator's pages of the overview are closed to a user without the operator role.</summary>
public sealed class OperatorPageAccessTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/console/overdue")]
    [InlineData("/console/participants")]
    [InlineData("/console/audit")]
    public async Task a_content_reader_without_the_operator_role_gets_403(string path)
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "reader.only", UserRoles.ContentReader);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/console/overdue")]
    [InlineData("/console/participants")]
    [InlineData("/console/audit")]
    public async Task an_operator_opens_it(string path)
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "operator", UserRoles.Operator);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
