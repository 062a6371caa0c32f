using Exchange.Protocol.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// Reads this system's status stream (GetStatus) and hands each event to the EDMS's <see cref="IExchangeStatusHandler"/>,
/// one at a time, each in a DI scope of its own. The gateway hands an event out once and takes no Ack for it, so an
/// event whose handler throws is kept and handed to the handler again (after a pause) until it returns.
/// </summary>
internal sealed class StatusReader(AdapterHostServices host, IServiceProviderIsService registered, ILogger<StatusReader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = host.Options;
        if (!options.ReadStatuses || !registered.IsService(typeof(IExchangeStatusHandler)))
        {
            AdapterLog.StatusReaderOff(logger, options.ReadStatuses ? "no status handler is registered (AddStatusHandler)" : "ReadStatuses is false");
            return;
        }
        var round = AdapterResilience.AfterAnyFailure(options, host.Time, logger, "Reading the status stream");
        AdapterLog.StatusReaderStarted(logger, options.StatusPollInterval);
        ProcessingStatus? inHand = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inHand = await round.ExecuteAsync(TakeAsync, stoppingToken);
                if (inHand is null)
                {
                    await Task.Delay(options.StatusPollInterval, host.Time, stoppingToken);
                    continue;
                }
                await round.ExecuteAsync(HandleAsync, inHand, stoppingToken);
                inHand = null;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (inHand is not null)
            {
                AdapterLog.StatusLostOnStop(logger, inHand.StatusCategory, inHand.OriginalMessageId);
            }
        }
    }

    private async ValueTask<ProcessingStatus?> TakeAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeClient>().GetStatusAsync(cancellationToken);
    }

    private async ValueTask HandleAsync(ProcessingStatus status, CancellationToken cancellationToken)
    {
        await using var scope = host.Scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IExchangeStatusHandler>();
        var handling = host.Time.GetTimestamp();
        try
        {
            await handler.HandleStatusAsync(status, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            host.Metrics.HandlerFailed("status", host.Time.GetElapsedTime(handling));
            AdapterLog.StatusHandlerFailed(logger, failure, status.StatusCategory, status.OriginalMessageId);
            throw new HandlerFailedException(failure);
        }
        host.Metrics.HandlerReturned("status", host.Time.GetElapsedTime(handling));
        host.Metrics.StatusHandled();
        AdapterLog.StatusHandled(logger, status.StatusCategory, status.OriginalMessageId);
    }
}
