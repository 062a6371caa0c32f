using Npgsql;

namespace Exchange.Gateway.Storage;

/// <summary>A connection listening on one channel (<see cref="DatabaseNotifications.SubscribeAsync"/>).</summary>
public sealed class NotificationSubscription : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly List<string> _payloads = [];

    internal NotificationSubscription(NpgsqlConnection connection)
    {
        _connection = connection;
        // Raised only inside WaitAsync, on its flow: the connection does nothing else.
        _connection.Notification += (_, e) => _payloads.Add(e.Payload);
    }

    /// <summary>
    /// Waits until something is notified or <paramref name="timeout"/> passes; then the connection is asked for one round
    /// trip, so that one the network dropped without a word fails here (and is replaced) instead of waiting for ever.
    /// </summary>
    /// <returns>The payloads notified (one for each notification); empty when the time passed without one.</returns>
    public async Task<IReadOnlyList<string>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _payloads.Clear();
        if (!await _connection.WaitAsync(timeout, cancellationToken))
        {
            await using var ping = new NpgsqlCommand("SELECT 1", _connection);
            await ping.ExecuteNonQueryAsync(cancellationToken);
        }
        return [.. _payloads];
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
