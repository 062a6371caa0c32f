using System.Threading.Channels;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// A wake-up that is kept until taken: a notification while nobody waits makes the next wait return at once, so one
/// sent between a look and the wait that follows it is not lost. Many notifications before a wait count as one.
/// </summary>
public sealed class WakeSignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signals.Writer.TryWrite(true);

    /// <summary>Returns when notified (since the last wait returned) or when <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _signals.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time passed without a signal: time to look anyway.
        }
    }
}
