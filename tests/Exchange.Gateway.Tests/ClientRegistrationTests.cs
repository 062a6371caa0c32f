using Exchange.Adapters.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests;

public sealed class ClientRegistrationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task a_client_registered_from_options_sends_with_its_key_and_trusts_the_regional_ca()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("exchange-client").FullName;
        File.WriteAllBytes(Path.Combine(folder, "portal.p12"), gateway.Pki.Key("PORTAL").ExportPkcs12("secret"));
        File.WriteAllBytes(Path.Combine(folder, "ca.cer"), gateway.Pki.Authority.CertificateDer);
        File.WriteAllBytes(Path.Combine(folder, "ca.crl"), gateway.Pki.Crl);
        var services = new ServiceCollection();
        // The registered client reads the clock from the container, as the gateway does: here the test clock.
        services.AddSingleton(gateway.ClientTime);
        services.AddExchangeClient(options =>
        {
            options.Endpoint = gateway.SoapEndpoint;
            options.KeyFile = Path.Combine(folder, "portal.p12");
            options.KeyPassword = "secret";
            options.GatewayTrustedCertificates = [Path.Combine(folder, "ca.cer")];
            options.GatewayCrls = [Path.Combine(folder, "ca.crl")];
        });
        await using var provider = services.BuildServiceProvider();

        var metadata = await provider.GetRequiredService<ExchangeClient>()
            .SendRequestAsync(BusinessDocuments.Appeal("sent by a registered client"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("PORTAL", metadata.Sender!.Mnemonic);
        var received = await gateway.ReceiveAsync("HEALTH", metadata.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: TestContext.Current.CancellationToken);
        System.IO.Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void a_client_without_an_endpoint_or_key_is_refused_naming_them()
    {
        var services = new ServiceCollection();
        services.AddExchangeClient(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExchangeClientOptions>>().Value);
        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("KeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_client_without_a_trusted_gateway_certificate_refuses_to_start_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddExchangeClient(options =>
        {
            options.Endpoint = gateway.SoapEndpoint;
            options.KeyFile = "portal.p12";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExchangeClient>());
        Assert.Contains("Exchange:Client:GatewayTrustedCertificates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_client_made_without_a_trusted_gateway_certificate_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() =>
            new ExchangeClient(gateway.Http, gateway.SoapEndpoint, gateway.Pki.Key("PORTAL"), gatewayTrust: null!));
        Assert.Equal("gatewayTrust", error.ParamName);
    }
}
