using System.Data.Common;
using System.Reflection;
using Exchange.Gateway.Storage.Activity;
using Exchange.Gateway.Storage.Audit;
using Exchange.Gateway.Storage.Calls;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Directory;
using Exchange.Gateway.Storage.Messages;
using Exchange.Gateway.Storage.Migrations;
using Exchange.Gateway.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Exchange.Gateway.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The connection string's configuration key: <c>ConnectionStrings:exchange</c>.</summary>
    public const string ConnectionStringName = "exchange";

    /// <summary>Registers the PostgreSQL data source, migrations and stores.</summary>
    /// <param name="nodeName">
    /// The node's name, given to its connections as their Application Name: the status history and the console's audit
    /// record which node wrote them from it (and <c>pg_stat_activity</c> shows it).
    /// </param>
    public static IServiceCollection AddGatewayStorage(this IServiceCollection services, IConfiguration configuration, string nodeName)
    {
        if (services.Any(d => d.ServiceType == typeof(MessageStore)))
        {
            throw new InvalidOperationException("AddGatewayStorage was called twice; call it once per host.");
        }
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{ConnectionStringName}' (env ConnectionStrings__{ConnectionStringName}) is not set. " +
                "scripts/services.sh env prints the one for the local PostgreSQL.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "exchange" };
            dataSource.ConnectionStringBuilder.ApplicationName ??= nodeName;
            return dataSource.Build();
        });
        // The same pool for libraries that take any ADO.NET data source (Quartz's job store).
        services.AddSingleton<DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<DatabaseNotifications>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<MessageStore>();
        services.AddSingleton<StatusStream>();
        services.AddSingleton<MessageStatistics>();
        services.AddSingleton<MessageSearch>();
        services.AddSingleton<MessageDetailsReader>();
        services.AddSingleton<MessageContent>();
        services.AddSingleton<OverdueRequests>();
        services.AddSingleton<FailedMessages>();
        services.AddSingleton<ParticipantQueues>();
        services.AddSingleton<AuditSearch>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<ConsoleUserStore>();
        services.AddSingleton<SessionKeyStore>();
        services.AddSingleton<ExpirySweep>();
        services.AddSingleton<ReplayCache>();
        services.AddSingleton<ActivityMinutes>();
        return services;
    }

    /// <summary>
    /// Adds the migrations embedded in <paramref name="assembly"/> (<c>Migrations/NNNN_name.sql</c>) to the schema's one
    /// version sequence, for tables that project owns; each version number is taken by one script of all.
    /// </summary>
    public static IServiceCollection AddGatewayMigrations(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new MigrationAssembly(assembly));
        return services;
    }
}
