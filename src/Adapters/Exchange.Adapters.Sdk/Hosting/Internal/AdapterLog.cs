using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// The adapter host's log events, 8000–8499 (the outbox has 8500–8999): 8000s receiving and acknowledging, 8100s failures
/// and pauses, 8200s the status stream. <c>Queue</c> is <c>request</c> or <c>response</c>.
/// </summary>
internal static partial class AdapterLog
{
    [LoggerMessage(8001, LogLevel.Information, "Receiving {Queue}s of {MessageType}, asking the gateway to wait {Wait}")]
    public static partial void ReceiverStarted(ILogger logger, string queue, string messageType, TimeSpan wait);

    [LoggerMessage(8002, LogLevel.Information, "Stopped receiving {Queue}s of {MessageType}")]
    public static partial void ReceiverStopped(ILogger logger, string queue, string messageType);

    [LoggerMessage(8003, LogLevel.Information, "Received {Queue} {MessageId} of type {MessageType} from {Sender} (authorship {Authorship})")]
    public static partial void Received(ILogger logger, string queue, Guid messageId, string? messageType, string? sender, AuthorshipStatus authorship);

    [LoggerMessage(8004, LogLevel.Information, "Acknowledged {Queue} {MessageId}; its handler took {HandlerSeconds} s")]
    public static partial void Acknowledged(ILogger logger, string queue, Guid messageId, double handlerSeconds);

    [LoggerMessage(8005, LogLevel.Information, "Receiving {Queue}s is off ({Setting} is false)")]
    public static partial void ReceiverOff(ILogger logger, string queue, string setting);

    [LoggerMessage(8101, LogLevel.Error, "The handler failed on {Queue} {MessageId}: it is not acknowledged and comes again after its lease")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queue, Guid messageId);

    [LoggerMessage(8102, LogLevel.Warning, "Stopped while handling {Queue} {MessageId}: it is not acknowledged and comes again after its lease")]
    public static partial void StoppedWhileHandling(ILogger logger, string queue, Guid messageId);

    [LoggerMessage(8103, LogLevel.Error, "The gateway refused to acknowledge {Queue} {MessageId}: {FaultCode} ({FaultElement}); it comes again after its lease")]
    public static partial void AckRefused(ILogger logger, string queue, Guid messageId, string faultCode, string faultElement);

    [LoggerMessage(8104, LogLevel.Warning, "{Activity}: the gateway cannot serve now ({FaultCode}, {FaultElement}); next try in {Delay}")]
    public static partial void GatewayUnavailable(ILogger logger, string activity, string faultCode, string faultElement, TimeSpan delay);

    [LoggerMessage(8105, LogLevel.Error, "{Activity}: the gateway refused with {FaultCode} ({FaultElement}), which trying again will not fix: correct the cause; next try in {Delay}")]
    public static partial void GatewayRefused(ILogger logger, string activity, string faultCode, string faultElement, TimeSpan delay);

    [LoggerMessage(8106, LogLevel.Warning, "{Activity} failed; next try in {Delay}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string activity, TimeSpan delay);

    [LoggerMessage(8107, LogLevel.Debug, "{Activity}: pausing {Delay} after a handler failure")]
    public static partial void PausingAfterHandlerFailure(ILogger logger, string activity, TimeSpan delay);

    [LoggerMessage(8201, LogLevel.Information, "Reading the status stream every {PollInterval} when it is empty")]
    public static partial void StatusReaderStarted(ILogger logger, TimeSpan pollInterval);

    [LoggerMessage(8202, LogLevel.Information, "The status stream is not read: {Reason}")]
    public static partial void StatusReaderOff(ILogger logger, string reason);

    [LoggerMessage(8203, LogLevel.Debug, "Handled status {StatusCategory} of message {MessageId}")]
    public static partial void StatusHandled(ILogger logger, string statusCategory, Guid messageId);

    [LoggerMessage(8204, LogLevel.Error, "The status handler failed on status {StatusCategory} of message {MessageId}; it is handed to the handler again")]
    public static partial void StatusHandlerFailed(ILogger logger, Exception exception, string statusCategory, Guid messageId);

    [LoggerMessage(8205, LogLevel.Warning, "Stopped before status {StatusCategory} of message {MessageId} was handled: the gateway hands a status out once, so look it up with GetMessageStatus")]
    public static partial void StatusLostOnStop(ILogger logger, string statusCategory, Guid messageId);
}
