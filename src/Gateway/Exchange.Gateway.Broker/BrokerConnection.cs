using RabbitMQ.Client;

namespace Exchange.Gateway.Broker;

/// <summary>
/// The node's one AMQP connection, opened on first use and recovered by the client after network failures.
/// </summary>
public sealed class BrokerConnection(Uri address, string clientName) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;
    private volatile bool _recovering;

    public Uri Address => address;

    public bool IsOpen => _connection?.IsOpen == true;

    /// <summary>
    /// The connection was lost and the client is restoring it, with its channels and their consumers: from the loss until
    /// the whole recovery succeeded (the connection itself is open again some time before its channels are).
    /// </summary>
    public bool IsRecovering => _recovering;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = address,
                    ClientProvidedName = clientName,
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                };
                var created = await factory.CreateConnectionAsync(cancellationToken);
                created.ConnectionShutdownAsync += (_, shutdown) =>
                {
                    _recovering = shutdown.Initiator != ShutdownInitiator.Application;
                    return Task.CompletedTask;
                };
                created.RecoverySucceededAsync += (_, _) =>
                {
                    _recovering = false;
                    return Task.CompletedTask;
                };
                _connection = created;
            }
            return _connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }
        _opening.Dispose();
    }
}
