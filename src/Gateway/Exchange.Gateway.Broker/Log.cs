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
}
