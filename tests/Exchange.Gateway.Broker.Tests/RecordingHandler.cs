using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;

namespace Exchange.Gateway.Broker.Tests;

/// <summary>
/// Stands where the gateway's inbox writer stands: records each hand-over and fails the first
/// <see cref="FailFirst"/> of them, as a database outage would.
/// </summary>
public sealed class RecordingHandler : IDeliveryHandler
{
    private int _calls;

    public int FailFirst { get; init; }
    public ConcurrentQueue<string> Handled { get; } = new();
    public Channel<string> Arrivals { get; } = Channel.CreateUnbounded<string>();
    public int Calls => _calls;

    /// <summary>The AMQP type of each message handed over.</summary>
    public ConcurrentQueue<string?> Types { get; } = new();

    public Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(message.Body.Span);
        if (Interlocked.Increment(ref _calls) <= FailFirst)
        {
            throw new IOException($"storage unavailable for {text}");
        }
        Types.Enqueue(message.Type);
        Handled.Enqueue(text);
        Arrivals.Writer.TryWrite(text);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<string> GivenUp { get; } = new();

    public Task GiveUpAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        GivenUp.Enqueue(Encoding.UTF8.GetString(message.Body.Span));
        return Task.CompletedTask;
    }

    public async Task<string> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await Arrivals.Reader.ReadAsync(cancel.Token);
    }
}
