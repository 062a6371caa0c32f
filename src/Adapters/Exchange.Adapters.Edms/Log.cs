namespace Exchange.Adapters.Edms;

/// <summary>The reference EDMS's log events, ids 9000–9999: 90xx storage, 91xx received requests, 92xx responses, 93xx sent.</summary>
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Information, "Applied EDMS migration {Version} {Name}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(9101, LogLevel.Information, "Registered {MessageId} from {Sender} ({BusinessType}) as {Number}")]
    public static partial void Registered(ILogger logger, Guid messageId, string? sender, string businessType, string number);

    [LoggerMessage(9102, LogLevel.Information, "{MessageId} is registered already; delivered again, nothing changed")]
    public static partial void AlreadyRegistered(ILogger logger, Guid messageId);

    [LoggerMessage(9103, LogLevel.Warning, "{MessageId} from {Sender} is of a type the EDMS does not know ({BusinessType}): registered as incoming correspondence {Number}, flagged")]
    public static partial void UnknownType(ILogger logger, Guid messageId, string? sender, string businessType, string number);

    [LoggerMessage(9104, LogLevel.Information, "Receipt {ReceiptId} for {MessageId} queued with number {Number}")]
    public static partial void ReceiptQueued(ILogger logger, Guid receiptId, Guid messageId, string number);

    [LoggerMessage(9105, LogLevel.Warning, "{MessageId} came without a reply address: registered as {Number}, no receipt can be sent")]
    public static partial void NoReplyAddress(ILogger logger, Guid messageId, string number);

    [LoggerMessage(9201, LogLevel.Information, "Response {MessageId} to {OriginalMessageId} linked to {Number}")]
    public static partial void ResponseLinked(ILogger logger, Guid messageId, Guid originalMessageId, string number);

    [LoggerMessage(9202, LogLevel.Information, "Response {MessageId} is recorded already; delivered again, nothing changed")]
    public static partial void ResponseAlreadyRecorded(ILogger logger, Guid messageId);

    [LoggerMessage(9203, LogLevel.Warning, "Response {MessageId} answers {OriginalMessageId}, which no document here was sent with: kept unlinked")]
    public static partial void ResponseUnmatched(ILogger logger, Guid messageId, Guid originalMessageId);

    [LoggerMessage(9301, LogLevel.Information, "Letter {Number} to {To} queued as {MessageId}")]
    public static partial void LetterQueued(ILogger logger, string number, string to, Guid messageId);

    [LoggerMessage(9302, LogLevel.Information, "Appeal {Appeal} answered by {Number}, queued to {ReplyTo} as {MessageId}")]
    public static partial void AppealAnswered(ILogger logger, string appeal, string number, string replyTo, Guid messageId);
}
