using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>Opens subscriptions to the notification <see cref="DirectoryStore"/> sends on every change of the directory.</summary>
public sealed class DirectoryNotifications(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Listens on a connection of its own from now on; a change committed before this returns may not be notified, so
    /// read the directory after it. The subscription fails with the connection (see <see cref="StorageFailures"/>):
    /// whatever was notified meanwhile is lost.
    /// </summary>
    public async Task<DirectoryChangeSubscription> SubscribeAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var subscription = new DirectoryChangeSubscription(connection);
            await using var listen = new NpgsqlCommand($"LISTEN {DirectoryStore.ChangeChannel}", connection);
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
