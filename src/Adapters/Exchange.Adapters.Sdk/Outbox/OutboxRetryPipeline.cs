using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// One attempt to send an entry: retried with exponential backoff and jitter while the failure is one that sending the
/// same message again may cure (the gateway busy or unreachable, a timeout); anything else ends the attempt at once.
/// </summary>
internal sealed class OutboxRetryPipeline
{
    private static readonly ResiliencePropertyKey<Guid> MessageId = new("exchange.outbox.message_id");

    private readonly ResiliencePipeline _pipeline;

    public OutboxRetryPipeline(ExchangeOutboxOptions options, TimeProvider time, OutboxMetrics metrics, ILogger logger)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e, args.Context.CancellationToken)),
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    metrics.Retried();
                    OutboxLog.Retrying(logger, args.Context.Properties.GetValue(MessageId, Guid.Empty), args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Exception!.Message);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True when sending the same message again later may succeed.</summary>
    /// <param name="stopping">The sender's own cancellation: a cancellation it asked for is not a timeout.</param>
    public static bool IsRetryable(Exception exception, CancellationToken stopping) => exception switch
    {
        ExchangeFaultException fault => fault.IsRetryable,
        HttpRequestException or TimeoutException => true,
        // HttpClient's timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !stopping.IsCancellationRequested,
        _ => false,
    };

    public async Task<MessageMetadata> SendAsync(OutboxEntry entry, System.Xml.XmlElement? document, ExchangeClient client,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MessageId, entry.MessageId);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (context, state) => await state.entry.SendAsync(state.client, state.document, context.CancellationToken), context,
                (entry, document, client));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
