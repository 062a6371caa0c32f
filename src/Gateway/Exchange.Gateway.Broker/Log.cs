using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Broker;

/// <summary>Broker log events, ids 2000–2999.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Consuming queue {Queue}")]
    public static partial void Consuming(ILogger logger, string queue);

    [LoggerMessage(2002, LogLevel.Warning, "Handing message {MessageId} from {Queue} to storage failed (delivery {Redelivered}); returning it to the queue")]
    public static partial void HandOverFailed(ILogger logger, Exception exception, string? messageId, string queue, bool redelivered);
}
