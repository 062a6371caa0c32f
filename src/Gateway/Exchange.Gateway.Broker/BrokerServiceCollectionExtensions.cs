using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Broker;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>The connection string's configuration key: <c>ConnectionStrings:broker</c> (amqp://user:password@host:port/vhost).</summary>
    public const string ConnectionStringName = "broker";

    /// <summary>
    /// Registers the AMQP connection, the confirmed publisher and the queue consumer. The caller registers the
    /// <see cref="IDeliveryHandler"/> that stores what the consumer takes.
    /// </summary>
    public static IServiceCollection AddGatewayBroker(this IServiceCollection services, IConfiguration configuration, string clientName)
    {
        if (services.Any(d => d.ServiceType == typeof(BrokerConnection)))
        {
            throw new InvalidOperationException("AddGatewayBroker was called twice; call it once per host.");
        }
        var address = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{ConnectionStringName}' (env ConnectionStrings__{ConnectionStringName}) must be an amqp:// URI; " +
                $"it is '{(address is null ? null : BrokerAddress.Redact(address))}'. scripts/services.sh env prints the one for the local RabbitMQ.");
        }

        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => new BrokerConnection(uri, clientName));
        services.AddSingleton<ConfirmedPublisher>();
        services.AddSingleton<QueueConsumer>();
        services.AddSingleton<QueueInspector>();
        return services;
    }
}
