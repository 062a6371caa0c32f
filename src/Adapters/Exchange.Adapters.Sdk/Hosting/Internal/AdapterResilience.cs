using Exchange.Adapters.Sdk.Faults;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// The host's Polly pipelines: after a failure they pause <see cref="ExchangeAdapterOptions.ErrorDelay"/>, doubled
/// (with jitter) after each failure in a row up to <see cref="ExchangeAdapterOptions.MaxErrorDelay"/>, and try again
/// until the host stops. A stop is never retried.
/// </summary>
internal static class AdapterResilience
{
    /// <summary>
    /// For a receiver's or the status reader's round: anything that fails is tried again, since the gateway or the EDMS
    /// may come back at any time and a receiver has nothing better to do; the log says which faults want an operator.
    /// </summary>
    public static ResiliencePipeline AfterAnyFailure(ExchangeAdapterOptions options, TimeProvider time, ILogger logger, string activity) =>
        Build(options, time, logger, activity, _ => true);

    /// <summary>For a single call worth repeating as it is (an Ack): only when the gateway could not serve it or could not be reached.</summary>
    public static ResiliencePipeline AfterTransientFailures(ExchangeAdapterOptions options, TimeProvider time, ILogger logger, string activity) =>
        Build(options, time, logger, activity, IsTransient);

    /// <summary>The gateway said so (<see cref="ExchangeFaultException.IsRetryable"/>), or the call did not get through or timed out.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ExchangeFaultException fault => fault.IsRetryable,
        HttpRequestException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    private static ResiliencePipeline Build(ExchangeAdapterOptions options, TimeProvider time, ILogger logger, string activity,
        Func<Exception, bool> retryable) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is { } failure && !arguments.Context.CancellationToken.IsCancellationRequested && retryable(failure)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ErrorDelay,
                MaxDelay = options.MaxErrorDelay,
                OnRetry = arguments =>
                {
                    LogFailure(logger, activity, arguments.Outcome.Exception!, arguments.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static void LogFailure(ILogger logger, string activity, Exception failure, TimeSpan delay)
    {
        switch (failure)
        {
            case HandlerFailedException:
                AdapterLog.PausingAfterHandlerFailure(logger, activity, delay);
                break;
            case ExchangeFaultException { IsRetryable: true } fault:
                AdapterLog.GatewayUnavailable(logger, activity, fault.Code, fault.Element, delay);
                break;
            case ExchangeFaultException fault:
                AdapterLog.GatewayRefused(logger, activity, fault.Code, fault.Element, delay);
                break;
            default:
                AdapterLog.CallFailed(logger, failure, activity, delay);
                break;
        }
    }
}
