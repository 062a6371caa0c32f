using System.Net;
using Exchange.Adapters.Sdk;

namespace Exchange.Gateway.Tests;

/// <summary>
/// What the SDK makes of an answer that is not the gateway's: a proxy in front of it answering with its own error page.
/// The adapter host and the outbox retry HTTP failures, so such a page must surface as one, not as unreadable XML.
/// </summary>
public sealed class ClientHttpFailureTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task a_proxys_error_page_is_an_http_failure_with_its_status(HttpStatusCode status)
    {
        using var proxy = new HttpClient(new ErrorPage(status));
        var client = new ExchangeClient(proxy, gateway.SoapEndpoint, gateway.Pki.Key("PORTAL"), gateway.Pki.Validator(), time: gateway.ClientTime);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SendRequestAsync(BusinessDocuments.Appeal("behind a proxy"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(status, failure.StatusCode);
    }

    /// <summary>Stands where a reverse proxy would, answering every call with an HTML error page.</summary>
    private sealed class ErrorPage(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent("<html><body><h1>Bad gateway</h1></body></html>", System.Text.Encoding.UTF8, "text/html"),
            });
    }
}
