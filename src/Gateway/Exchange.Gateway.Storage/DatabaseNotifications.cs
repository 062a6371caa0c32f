using Npgsql;

namespace Exchange.Gateway.Storage;

/// <summary>
/// Opens subscriptions to a PostgreSQL LISTEN/NOTIFY channel: the directory's changes
/// (<see cref="Directory.DirectoryStore.ChangeChannel"/>), messages reaching an inbox (<see cref="Delivery.Inbox.ArrivalChannel"/>).
/// </summary>
public sealed class DatabaseNotifications(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Listens on a connection of its own from now on; what was committed before this returns may not be notified, so
    /// read the state after it. The subscription fails with the connection (see <see cref="StorageFailures"/>):
    /// whatever was notified meanwhile is lost.
    /// </summary>
    public async Task<NotificationSubscription> SubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var subscription = new NotificationSubscription(connection);
            await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return subscription;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
