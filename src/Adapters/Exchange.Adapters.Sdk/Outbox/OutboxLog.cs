using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>The adapter host's outbox log events: 8500–8999.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(8501, LogLevel.Information, "Outbox sent message {MessageId} ({Kind}); the gateway accepted it at {SendingTimestamp}")]
    public static partial void Sent(ILogger logger, Guid messageId, OutboxEntryKind kind, DateTimeOffset sendingTimestamp);

    [LoggerMessage(8503, LogLevel.Warning, "Outbox message {MessageId}: retry {Retry} in {Delay} after {Error}")]
    public static partial void Retrying(ILogger logger, Guid messageId, int retry, TimeSpan delay, string error);

    [LoggerMessage(8504, LogLevel.Warning, "Outbox message {MessageId} not sent on attempt {Attempt}; next attempt at {NextAttemptAt}: {Error}")]
    public static partial void Postponed(ILogger logger, Guid messageId, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(8505, LogLevel.Error, "Outbox message {MessageId} ({Kind}) failed for good with {FaultCode}: {FaultDescription}; it will not be sent again")]
    public static partial void Failed(ILogger logger, Guid messageId, OutboxEntryKind kind, string faultCode, string faultDescription);

    [LoggerMessage(8506, LogLevel.Error, "Outbox message {MessageId} could not be sent on attempt {Attempt}; next attempt at {NextAttemptAt}")]
    public static partial void SendError(ILogger logger, Exception exception, Guid messageId, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(8507, LogLevel.Error, "Outbox round failed (the outbox's database?); looking again in {PollInterval}")]
    public static partial void RoundFailed(ILogger logger, Exception exception, TimeSpan pollInterval);
}
