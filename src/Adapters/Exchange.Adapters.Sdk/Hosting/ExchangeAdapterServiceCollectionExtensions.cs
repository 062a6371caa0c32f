using Exchange.Adapters.Sdk.Hosting.Internal;
using Exchange.Adapters.Sdk.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Hosting;

public static class ExchangeAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the adapter host, its <see cref="ExchangeClient"/> and its durable outbox (<see cref="IExchangeOutbox"/>),
    /// configured from <paramref name="section"/>, the <c>Exchange</c> section: <c>Client</c> holds the
    /// <see cref="ExchangeClientOptions"/>, <c>Adapter</c> the <see cref="ExchangeAdapterOptions"/>, <c>Outbox</c> the
    /// <see cref="ExchangeOutboxOptions"/> (a SQLite file by default; for the EDMS's PostgreSQL register its
    /// <see cref="System.Data.Common.DbDataSource"/>). Add the EDMS's handlers to the builder it returns.
    /// </summary>
    public static ExchangeAdapterBuilder AddExchangeAdapter(this IServiceCollection services, IConfiguration section) =>
        services.AddExchangeAdapter(client => section.GetSection("Client").Bind(client), adapter => section.GetSection("Adapter").Bind(adapter),
            outbox => section.GetSection("Outbox").Bind(outbox));

    /// <summary>Registers the adapter host, its <see cref="ExchangeClient"/> and its durable outbox, configured in code.</summary>
    public static ExchangeAdapterBuilder AddExchangeAdapter(this IServiceCollection services, Action<ExchangeClientOptions> configureClient,
        Action<ExchangeAdapterOptions> configureAdapter, Action<ExchangeOutboxOptions> configureOutbox)
    {
        if (services.Any(d => d.ServiceType == typeof(AdapterHostServices)))
        {
            throw new InvalidOperationException("AddExchangeAdapter was called twice; one process runs one adapter for one information system.");
        }
        services.AddExchangeClient(configureClient);
        services.AddAdapterOutbox(configureOutbox, postgreSql: null);
        services.AddOptions<ExchangeAdapterOptions>().Configure(configureAdapter).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExchangeAdapterOptions>, ExchangeAdapterOptionsValidator>();
        services.AddSingleton<AdapterMetrics>();
        services.AddSingleton<AdapterHostServices>();
        services.AddHostedService<RequestReceiver>();
        services.AddHostedService<ResponseReceiver>();
        services.AddHostedService<StatusReader>();
        return new ExchangeAdapterBuilder(services);
    }
}
