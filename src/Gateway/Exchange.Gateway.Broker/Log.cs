using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Broker;

/// <summary>Broker log events, ids 2000–2999.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Consuming queue {Queue}")]
    public static partial void Consuming(ILogger logger, string queue);

    [LoggerMessage(2002, LogLevel.Warning, "Handing message {MessageId} from {Queue} to storage failed (delivery {Redelivered}); returning it to the queue")]
    public static partial void HandOverFailed(ILogger logger, Exception exception, string? messageId, string queue, bool redelivered);

    [LoggerMessage(2003, LogLevel.Error, "Message {MessageId} failed its last hand-over from {Queue}; it goes to the dead-letter queue")]
    public static partial void DeadLettering(ILogger logger, string? messageId, string queue);

    [LoggerMessage(2004, LogLevel.Critical, "Message {MessageId} from {Queue} goes to the dead-letter queue, and recording that in its history failed")]
    public static partial void GiveUpUnrecorded(ILogger logger, Exception exception, string? messageId, string queue);

    [LoggerMessage(2005, LogLevel.Error, "Could not start consuming queue {Queue}; retrying in {Delay}")]
    public static partial void ConsumeFailed(ILogger logger, Exception exception, string queue, TimeSpan delay);

    [LoggerMessage(2006, LogLevel.Warning, "Lost the consumer of queue {Queue} ({Reason}); subscribing again in {Delay}")]
    public static partial void ConsumerLost(ILogger logger, string queue, string reason, TimeSpan delay);

    [LoggerMessage(2007, LogLevel.Warning, "Queue {Queue} exists with other arguments than this version declares ({Mismatch}); it is used as it is. " +
        "Dead letters are kept at least once only if a policy says so: see docs/operations.md#upgrades")]
    public static partial void QueueDeclaredDifferently(ILogger logger, string queue, string mismatch);

    [LoggerMessage(2008, LogLevel.Information, "Could not settle message {MessageId} from {Queue}: its channel is gone, so the broker delivers it again and the inbox keeps one copy")]
    public static partial void SettleLost(ILogger logger, string? messageId, string queue);

    [LoggerMessage(2009, LogLevel.Warning, "Closing the channel of a consumer of {Queue} failed; its unacknowledged deliveries return to the queue")]
    public static partial void RetireFailed(ILogger logger, Exception exception, string queue);
}
