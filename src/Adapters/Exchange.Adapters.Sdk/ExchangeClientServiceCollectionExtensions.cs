using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk;

public static class ExchangeClientServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ExchangeClient"/> configured from <paramref name="section"/> (see <see cref="ExchangeClientOptions"/>).</summary>
    public static IHttpClientBuilder AddExchangeClient(this IServiceCollection services, IConfiguration section) =>
        services.AddExchangeClient(options => section.Bind(options));

    /// <summary>Registers <see cref="ExchangeClient"/>; the key and trust store are loaded once, when it is first needed.</summary>
    public static IHttpClientBuilder AddExchangeClient(this IServiceCollection services, Action<ExchangeClientOptions> configure)
    {
        if (services.Any(d => d.ServiceType == typeof(ClientIdentity)))
        {
            throw new InvalidOperationException("AddExchangeClient was called twice; one process speaks for one information system.");
        }
        services.AddOptions<ExchangeClientOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientIdentity>();
        services.AddTransient(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ExchangeClientOptions>>().Value;
            var identity = provider.GetRequiredService<ClientIdentity>();
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ExchangeClient));
            return new ExchangeClient(http, options.Endpoint!, identity.Key, identity.GatewayTrust, options.UseMtom,
                provider.GetService<TimeProvider>());
        });
        return services.AddHttpClient(nameof(ExchangeClient), (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<ExchangeClientOptions>>().Value.Timeout);
    }

    /// <summary>This system's key and its trust in the gateway, loaded from the configured files.</summary>
    private sealed class ClientIdentity : IDisposable
    {
        public ClientIdentity(IOptions<ExchangeClientOptions> options)
        {
            var settings = options.Value;
            Key = SigningKey.FromPkcs12(File.ReadAllBytes(settings.KeyFile!), settings.KeyPassword ?? "");
            GatewayTrust = new CertificateValidator(
                TrustStore.FromFiles(settings.GatewayTrustedCertificates, settings.GatewayCrls, requireCrl: settings.GatewayCrls.Length > 0));
        }

        public SigningKey Key { get; }
        public CertificateValidator GatewayTrust { get; }

        public void Dispose() => Key.Dispose();
    }
}
