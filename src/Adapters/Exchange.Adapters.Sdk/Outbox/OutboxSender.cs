using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// Sends the outbox's due entries, oldest first, one at a time, each under the MessageID it was enqueued with, and marks
/// it. A crash before the mark leaves it pending: sent again, the gateway answers with what it answered the first time.
/// </summary>
internal sealed class OutboxSender(OutboxStore store, OutboxSignal signal, OutboxRetryPipeline retry, IServiceProvider services,
    IOptions<ExchangeOutboxOptions> options, OutboxMetrics metrics, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly ExchangeOutboxOptions _options = options.Value;

    /// <summary>
    /// An Enqueue on the EDMS's transaction wakes the sender before that transaction commits, so after a wake-up the
    /// sender looks again this often, this many times, before it falls back to <see cref="ExchangeOutboxOptions.PollInterval"/>.
    /// </summary>
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromMilliseconds(200);
    private const int FollowUps = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var followUps = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
                metrics.Pending(await store.CountPendingAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The entry being sent, if any, stays pending (its lease was released unmarked) and is taken again.
                OutboxLog.RoundFailed(logger, e, _options.PollInterval);
            }
            var wait = followUps > 0 && FollowUpDelay < _options.PollInterval ? FollowUpDelay : _options.PollInterval;
            followUps = await signal.WaitAsync(wait, stoppingToken) ? FollowUps : Math.Max(0, followUps - 1);
        }
    }

    /// <summary>The fault recorded for an entry whose stored document does not read back as XML.</summary>
    internal const string UnreadableEntry = "UnreadableEntry";

    /// <returns>False when no entry is due.</returns>
    private async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var lease = await store.TakeNextDueAsync(time.GetUtcNow(), cancellationToken);
        if (lease is null)
        {
            return false;
        }
        var entry = lease.Entry;
        var (document, problem) = entry.ReadDocument();
        if (problem is not null)
        {
            // Written before the outbox refused such documents, or changed in the table since: no resend can cure it.
            await lease.MarkFailedAsync(UnreadableEntry, problem, cancellationToken);
            metrics.Failed(UnreadableEntry);
            OutboxLog.Failed(logger, entry.MessageId, entry.Kind, UnreadableEntry, problem);
            return true;
        }
        MessageMetadata answer;
        try
        {
            answer = await retry.SendAsync(entry, document, services.GetRequiredService<ExchangeClient>(), cancellationToken);
        }
        catch (ExchangeFaultException e) when (!e.IsRetryable)
        {
            await lease.MarkFailedAsync(e.Element, e.Message, cancellationToken);
            metrics.Failed(e.Element);
            OutboxLog.Failed(logger, entry.MessageId, entry.Kind, e.Element, e.FaultString);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await PostponeAsync(lease, e, cancellationToken);
            return true;
        }
        await lease.MarkSentAsync(answer.SendingTimestamp, cancellationToken);
        metrics.Sent();
        OutboxLog.Sent(logger, entry.MessageId, entry.Kind, answer.SendingTimestamp);
        return true;
    }

    /// <summary>
    /// Retryable failures the pipeline gave up on, and anything unexpected (e.g. the gateway's answer failing its
    /// signature check, when the gateway may well have the message): tried again later, never given up.
    /// </summary>
    private async Task PostponeAsync(OutboxLease lease, Exception error, CancellationToken cancellationToken)
    {
        var attempt = lease.Entry.Attempts + 1;
        var next = time.GetUtcNow() + Backoff(attempt);
        await lease.PostponeAsync(next, error.Message, cancellationToken);
        if (OutboxRetryPipeline.IsRetryable(error, cancellationToken))
        {
            OutboxLog.Postponed(logger, lease.Entry.MessageId, attempt, next, error.Message);
        }
        else
        {
            OutboxLog.SendError(logger, error, lease.Entry.MessageId, attempt, next);
        }
    }

    /// <summary>How long an entry waits after its <paramref name="attempt"/>th attempt failed: doubling from the first retry's delay, capped.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * Math.Pow(2, Math.Min(attempt, 40))));
}
