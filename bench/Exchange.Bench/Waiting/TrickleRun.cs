using System.Diagnostics;
using Exchange.Adapters.Sdk;

namespace Exchange.Bench.Waiting;

/// <summary>
/// One run of a quiet system: a sender sends at a steady rate, well below what the gateway can take, while receivers
/// of the recipient take and acknowledge each message, either polling or waiting. What differs between the two is what
/// the receivers cost while there is nothing for them, and how soon they see a message that came.
/// </summary>
public sealed class TrickleRun(BenchEnvironment environment, WaitingSettings settings)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    // A small document: the run measures receiving, not sending.
    private const int PayloadBytes = 256;

    public async Task<TrickleResult> ExecuteAsync(ReceiveMode mode, int messages, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tally = new ReceiveTally(messages);
        var since = DateTimeOffset.UtcNow;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var receiving = Enumerable.Range(0, settings.Receivers)
            .Select(_ => Task.Run(() => ReceiveLoopAsync(mode, tally, stop), CancellationToken.None)).ToArray();
        try
        {
            await SendPacedAsync(messages, stop.Token);
            await tally.AllAcknowledged.WaitAsync(Patience, stop.Token);
        }
        catch (Exception e) when (e is TimeoutException || !cancellationToken.IsCancellationRequested)
        {
            tally.Failed("run", e);
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        // Waiting receivers are still in their calls: ending them is no part of the run.
        await stop.CancelAsync();
        await Task.WhenAll(receiving);

        var stages = await new StageBreakdown(environment.ConnectionString).MeasureAsync(since, cancellationToken);
        var inboxToDelivered = stages.Single(s => s.Stage == "in inbox -> delivered").Latency;
        return new TrickleResult(mode, messages, tally.Acknowledged, tally.Calls, cpu, inboxToDelivered, tally.Errors);
    }

    private async Task SendPacedAsync(int messages, CancellationToken cancellationToken)
    {
        var content = BusinessPayload.Create(BenchDirectory.RequestType, PayloadBytes);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < messages; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / settings.Rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
            await environment.Sender.SendRequestAsync(content, cancellationToken: cancellationToken);
        }
    }

    private async Task ReceiveLoopAsync(ReceiveMode mode, ReceiveTally tally, CancellationTokenSource stop)
    {
        var receiver = environment.Receiver;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                tally.Called();
                var request = mode == ReceiveMode.Poll
                    ? await receiver.GetRequestAsync(BenchDirectory.RequestType, stop.Token)
                    : await receiver.WaitForRequestAsync(settings.Wait, BenchDirectory.RequestType, stop.Token);
                if (request is null)
                {
                    if (mode == ReceiveMode.Poll)
                    {
                        await Task.Delay(settings.PollInterval, stop.Token);
                    }
                    continue;
                }
                await receiver.AckAsync(request.MessageId, cancellationToken: stop.Token);
                tally.Acknowledge();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over (or interrupted): the result says which.
        }
        catch (Exception e)
        {
            tally.Failed("receiver", e);
            await stop.CancelAsync();
        }
    }
}
