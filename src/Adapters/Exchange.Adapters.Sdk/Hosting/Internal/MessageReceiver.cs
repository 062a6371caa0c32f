using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// Takes one queue's messages (of each configured type, in a loop of its own), hands each to the EDMS's
/// <see cref="IExchangeMessageHandler"/> in a DI scope of its own, and acknowledges it only after the handler returned.
/// A handler that throws leaves the message unacknowledged: the gateway hands it out again once its lease runs out.
/// </summary>
internal abstract class MessageReceiver<TMessage>(AdapterHostServices host, ILogger logger) : BackgroundService
    where TMessage : class
{
    /// <summary>A committed message is still acknowledged when the host stops meanwhile, if the gateway answers within this.</summary>
    private static readonly TimeSpan AckGraceOnStop = TimeSpan.FromSeconds(5);

    /// <summary><c>request</c> or <c>response</c>, as logs and metrics name the queue.</summary>
    protected abstract string Queue { get; }

    /// <summary>The option that switches this queue on, by its name.</summary>
    protected abstract (bool On, string Setting, string[] Types) Configuration(ExchangeAdapterOptions options);

    protected abstract Task<TMessage?> TakeAsync(ExchangeClient client, TimeSpan wait, MessageType? type, CancellationToken cancellationToken);

    /// <summary>What the log says of a received message.</summary>
    protected abstract (Guid Id, string? Type, string? Sender, AuthorshipStatus Authorship) Describe(TMessage message);

    protected abstract Task HandleAsync(IExchangeMessageHandler handler, TMessage message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (on, setting, types) = Configuration(host.Options);
        if (!on)
        {
            AdapterLog.ReceiverOff(logger, Queue, setting);
            return;
        }
        await Task.WhenAll(MessageTypeNames.Selectors(types).Select(type => ReceiveAsync(type, stoppingToken)));
    }

    private async Task ReceiveAsync(MessageType? type, CancellationToken stoppingToken)
    {
        var typeName = type?.ToString() ?? "every type";
        var options = host.Options;
        var round = AdapterResilience.AfterAnyFailure(options, host.Time, logger, $"Receiving {Queue}s of {typeName}");
        var ack = AdapterResilience.AfterTransientFailures(options, host.Time, logger, $"Acknowledging a {Queue}");
        AdapterLog.ReceiverStarted(logger, Queue, typeName, options.Wait);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await round.ExecuteAsync(cancellationToken => ReceiveOneAsync(type, ack, cancellationToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was in hand is either acknowledged or comes again after its lease.
        }
        AdapterLog.ReceiverStopped(logger, Queue, typeName);
    }

    private async ValueTask ReceiveOneAsync(MessageType? type, ResiliencePipeline ack, CancellationToken cancellationToken)
    {
        var options = host.Options;
        var asked = host.Time.GetTimestamp();
        await using var scope = host.Scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<ExchangeClient>();
        if (await TakeAsync(client, options.Wait, type, cancellationToken) is not { } message)
        {
            // A gateway that did not wait answered at once: pause, so an empty queue is not asked in a tight loop.
            var rest = options.EmptyPollInterval - host.Time.GetElapsedTime(asked);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, host.Time, cancellationToken);
            }
            return;
        }

        var (messageId, messageType, sender, authorship) = Describe(message);
        host.Metrics.Received(Queue);
        AdapterLog.Received(logger, Queue, messageId, messageType, sender, authorship);
        var handling = host.Time.GetTimestamp();
        try
        {
            await HandleAsync(scope.ServiceProvider.GetRequiredService<IExchangeMessageHandler>(), message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AdapterLog.StoppedWhileHandling(logger, Queue, messageId);
            throw;
        }
        catch (Exception failure)
        {
            host.Metrics.HandlerFailed(Queue, host.Time.GetElapsedTime(handling));
            AdapterLog.HandlerFailed(logger, failure, Queue, messageId);
            throw new HandlerFailedException(failure);
        }
        var handled = host.Time.GetElapsedTime(handling);
        host.Metrics.HandlerReturned(Queue, handled);
        if (await AcknowledgeAsync(client, messageId, ack, cancellationToken))
        {
            host.Metrics.Acknowledged(Queue);
            AdapterLog.Acknowledged(logger, Queue, messageId, handled.TotalSeconds);
        }
    }

    private async Task<bool> AcknowledgeAsync(ExchangeClient client, Guid messageId, ResiliencePipeline ack, CancellationToken stoppingToken)
    {
        // The handler returned, so the EDMS committed the message: a stop asked meanwhile still lets the Ack go out.
        using var acknowledging = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => acknowledging.CancelAfter(AckGraceOnStop));
        try
        {
            await ack.ExecuteAsync(async cancellationToken => await client.AckAsync(messageId, cancellationToken: cancellationToken),
                acknowledging.Token);
            return true;
        }
        catch (ExchangeFaultException fault) when (!fault.IsRetryable)
        {
            // E.g. the lease ran out and the message went elsewhere: it comes again, and the handler's own dedup makes that harmless.
            AdapterLog.AckRefused(logger, Queue, messageId, fault.Code, fault.Element);
            return false;
        }
    }
}
