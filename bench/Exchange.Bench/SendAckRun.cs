using System.Diagnostics;
using Exchange.Adapters.Sdk;
using Exchange.Protocol;

namespace Exchange.Bench;

/// <summary>
/// One measured run: senders push the messages through SendRequest while receivers drain the recipient's queue
/// with GetRequest + Ack, all at the same time, as a busy sending and a busy receiving system would.
/// </summary>
public sealed class SendAckRun(ExchangeClient sender, ExchangeClient receiver, int payloadBytes)
{
    public async Task<RunResult> ExecuteAsync(int messages, int senders, int receivers, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var recorder = new RunRecorder(messages);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        // Task.Run: building and signing an envelope is synchronous CPU work that would otherwise serialise the starts.
        var receiving = Enumerable.Range(0, receivers)
            .Select(_ => Task.Run(() => ReceiveLoopAsync(recorder, stop), CancellationToken.None)).ToArray();
        var sending = Enumerable.Range(0, senders)
            .Select(_ => Task.Run(() => SendLoopAsync(recorder, stop.Token), CancellationToken.None)).ToArray();
        await Task.WhenAll(sending);
        recorder.SendsFinished();
        await Task.WhenAll(receiving);
        return recorder.Result(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, timedOut: deadline.IsCancellationRequested);
    }

    private async Task SendLoopAsync(RunRecorder recorder, CancellationToken cancellationToken)
    {
        // One content element per sender: XmlDocument promises nothing to concurrent readers.
        var content = BusinessPayload.Create(BenchDirectory.RequestType, payloadBytes);
        while (!cancellationToken.IsCancellationRequested && recorder.TryTakeMessage())
        {
            var messageId = MessageIds.NewVersion1(DateTimeOffset.UtcNow);
            recorder.SendStarting(messageId, Stopwatch.GetTimestamp());
            try
            {
                await sender.SendRequestAsync(content, new SendOptions(messageId), cancellationToken);
                recorder.SendAccepted(messageId, Stopwatch.GetTimestamp());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Timed out, interrupted, or a receiver failed; the result says which.
                return;
            }
            catch (Exception e)
            {
                // Counted and reported; the remaining messages still show how the gateway copes with the load.
                recorder.SendFailed(messageId, e);
            }
        }
    }

    private async Task ReceiveLoopAsync(RunRecorder recorder, CancellationTokenSource stop)
    {
        try
        {
            while (!recorder.IsComplete)
            {
                var request = await receiver.GetRequestAsync(BenchDirectory.RequestType, stop.Token);
                if (request is null)
                {
                    // Nothing waiting yet; the jitter keeps idle receivers from polling in step.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 21)), stop.Token);
                    continue;
                }
                await receiver.AckAsync(request.MessageId, cancellationToken: stop.Token);
                recorder.Acknowledged(request.MessageId, Stopwatch.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Timed out, interrupted, or another receiver failed; the result says which.
        }
        catch (Exception e)
        {
            // A message taken but never acknowledged stays leased far longer than the run, so the run cannot finish.
            recorder.Failed("receiver", e);
            await stop.CancelAsync();
        }
    }
}
