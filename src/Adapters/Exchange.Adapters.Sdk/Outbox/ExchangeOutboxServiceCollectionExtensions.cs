using System.Data.Common;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Outbox;

public static class ExchangeOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable outbox (<see cref="IExchangeOutbox"/>, <see cref="ExchangeOutboxStatus"/>) and its sender,
    /// configured from <paramref name="section"/> (see <see cref="ExchangeOutboxOptions"/>). It sends with the
    /// <see cref="ExchangeClient"/> that <c>AddExchangeClient</c> registers. For <see cref="ExchangeOutboxProvider.PostgreSql"/>
    /// it uses the <see cref="DbDataSource"/> registered in the container (e.g. by Npgsql's <c>AddNpgsqlDataSource</c>).
    /// </summary>
    public static IServiceCollection AddExchangeOutbox(this IServiceCollection services, IConfiguration section) =>
        services.AddAdapterOutbox(options => section.Bind(options), postgreSql: null);

    /// <summary>As <see cref="AddExchangeOutbox(IServiceCollection, IConfiguration)"/>, configured in code.</summary>
    public static IServiceCollection AddExchangeOutbox(this IServiceCollection services, Action<ExchangeOutboxOptions> configure) =>
        services.AddAdapterOutbox(configure, postgreSql: null);

    /// <summary>The outbox in the EDMS's PostgreSQL database, reached through <paramref name="postgreSql"/> (e.g. an <c>NpgsqlDataSource</c>).</summary>
    public static IServiceCollection AddExchangeOutbox(this IServiceCollection services, DbDataSource postgreSql,
        Action<ExchangeOutboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(postgreSql);
        return services.AddAdapterOutbox(options =>
        {
            configure?.Invoke(options);
            options.Provider = ExchangeOutboxProvider.PostgreSql;
        }, postgreSql);
    }

    /// <summary>The outbox's registration, for the adapter host and the public overloads.</summary>
    /// <param name="postgreSql">The PostgreSQL data source; null: the container's, when the provider is PostgreSQL.</param>
    internal static IServiceCollection AddAdapterOutbox(this IServiceCollection services, Action<ExchangeOutboxOptions> configure, DbDataSource? postgreSql)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboxStore)))
        {
            throw new InvalidOperationException("The Exchange outbox was registered twice; an adapter has one (AddExchangeAdapter registers it too).");
        }
        services.AddOptions<ExchangeOutboxOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExchangeOutboxOptions>, ExchangeOutboxOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<OutboxStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ExchangeOutboxOptions>>().Value;
            return options.Provider == ExchangeOutboxProvider.Sqlite
                ? new SqliteOutboxStore(options.SqlitePath)
                : new PostgreSqlOutboxStore(postgreSql ?? provider.GetService<DbDataSource>() ?? throw new InvalidOperationException(
                    $"{ExchangeOutboxOptions.Section}:Provider is PostgreSql but no DbDataSource is registered: register the EDMS's "
                    + "(e.g. AddNpgsqlDataSource) or pass it to AddExchangeOutbox."), options.Schema);
        });
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton(provider => new OutboxRetryPipeline(provider.GetRequiredService<IOptions<ExchangeOutboxOptions>>().Value,
            Time(provider), provider.GetRequiredService<OutboxMetrics>(), provider.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddSingleton<IExchangeOutbox>(provider =>
            new DurableExchangeOutbox(provider.GetRequiredService<OutboxStore>(), provider.GetRequiredService<OutboxSignal>(), Time(provider)));
        services.AddSingleton(provider => new ExchangeOutboxStatus(provider.GetRequiredService<OutboxStore>()));
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<OutboxSender>(provider, Time(provider)));
        return services;
    }

    // The client's clock (see AddExchangeClient): MessageIDs made at enqueue must look as fresh to the gateway as the client's own.
    private static TimeProvider Time(IServiceProvider provider) => provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
