using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>A connection listening for changes of the directory (<see cref="DirectoryNotifications.SubscribeAsync"/>).</summary>
public sealed class DirectoryChangeSubscription : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private bool _notified;

    internal DirectoryChangeSubscription(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, _) => _notified = true;
    }

    /// <summary>Waits until a change is notified or <paramref name="timeout"/> passes.</summary>
    /// <returns>True when a change was notified; false when the time passed without one.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _notified = false;
        await _connection.WaitAsync(timeout, cancellationToken);
        return _notified;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
