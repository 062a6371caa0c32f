using Microsoft.Extensions.Logging;

namespace Exchange.Gateway;

/// <summary>Gateway log events: 3000s SOAP, 4000s delivery, 5000s start-up, 6000s scheduled jobs, 7000s directory, API tokens and console users.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "Refused {Operation} from {Caller} for message {MessageId}: {FaultCode} {FaultDescription}")]
    public static partial void Refused(ILogger logger, string operation, string? caller, Guid? messageId, string faultCode, string faultDescription);

    [LoggerMessage(3002, LogLevel.Error, "{Operation} from {Caller} for message {MessageId} failed inside the gateway")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation, string? caller, Guid? messageId);

    [LoggerMessage(3007, LogLevel.Information, "{Operation}: the client aborted the request ({Reason})")]
    public static partial void ClientAborted(ILogger logger, string operation, string reason);

    [LoggerMessage(3003, LogLevel.Information, "Accepted message {MessageId} of type {MessageType} from {Sender} for {Recipient}")]
    public static partial void Accepted(ILogger logger, Guid messageId, string messageType, string sender, string recipient);

    [LoggerMessage(3004, LogLevel.Information, "Message {MessageId} from {Sender} was sent again with the same content; answered with its original metadata")]
    public static partial void Resent(ILogger logger, Guid messageId, string sender);

    [LoggerMessage(3005, LogLevel.Information, "Delivered message {MessageId} to {Recipient} (delivery {DeliveryCount})")]
    public static partial void Delivered(ILogger logger, Guid messageId, string recipient, int deliveryCount);

    [LoggerMessage(3006, LogLevel.Information, "Message {MessageId} acknowledged by {Recipient} (accepted: {Accepted}, outcome {Outcome})")]
    public static partial void Acknowledged(ILogger logger, Guid messageId, string recipient, bool accepted, string outcome);

    [LoggerMessage(3008, LogLevel.Information, "Message {MessageId} carries {AttachmentCount} attachments, {AttachmentBytes} bytes in all")]
    public static partial void AttachmentsAccepted(ILogger logger, Guid messageId, int attachmentCount, long attachmentBytes);

    [LoggerMessage(4001, LogLevel.Error, "Relaying the outbox to the broker failed; retrying in {Delay}")]
    public static partial void RelayFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(4002, LogLevel.Debug, "Relayed {Count} messages to the broker")]
    public static partial void Relayed(ILogger logger, int count);

    [LoggerMessage(4004, LogLevel.Debug, "Stored message {MessageId} in the inbox of {Recipient} (new: {IsNew})")]
    public static partial void Stored(ILogger logger, Guid messageId, string recipient, bool isNew);

    [LoggerMessage(4005, LogLevel.Warning, "Storing message {MessageId} in the inbox of {Recipient} failed: PostgreSQL is unavailable; the broker delivery is held and the store retried in {Delay}")]
    public static partial void InboxUnavailable(ILogger logger, Exception exception, Guid messageId, string recipient, TimeSpan delay);

    [LoggerMessage(4006, LogLevel.Warning, "Writing the dashboard's per-minute counts failed; they are kept and written again in {Interval}")]
    public static partial void MetricsFlushFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(4007, LogLevel.Warning, "Writing the dashboard's per-minute counts failed as the node stopped; the counts since the last write are lost")]
    public static partial void MetricsLostAtStop(ILogger logger, Exception exception);

    [LoggerMessage(4008, LogLevel.Information, "Message {MessageId} requeued by {User} from the console: {Reason}")]
    public static partial void Requeued(ILogger logger, Guid messageId, string user, string reason);

    [LoggerMessage(4009, LogLevel.Information, "Message {MessageId} discarded by {User} from the console: {Reason}")]
    public static partial void Discarded(ILogger logger, Guid messageId, string user, string reason);

    [LoggerMessage(4010, LogLevel.Information, "{Action} of message {MessageId} by {User} changed nothing: {Outcome}")]
    public static partial void FailedMessageUnchanged(ILogger logger, string action, Guid messageId, string user, string outcome);

    [LoggerMessage(4011, LogLevel.Warning, "Could not read how many messages the dead-letter queue holds; the console shows it as unknown")]
    public static partial void DeadLetterCountUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(4012, LogLevel.Debug, "{Operation} from {Caller} waits up to {Wait} for a message")]
    public static partial void Waiting(ILogger logger, string operation, string caller, TimeSpan wait);

    [LoggerMessage(4013, LogLevel.Warning, "{Operation} from {Caller} asked to wait, but {MaxWaitingCalls} calls wait on this node already; answered at once")]
    public static partial void WaitRefused(ILogger logger, string operation, string caller, int maxWaitingCalls);

    [LoggerMessage(4014, LogLevel.Error, "Listening for messages reaching the inboxes failed; waiting calls look again every recheck interval until it listens again, in {Delay}")]
    public static partial void ArrivalListenFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(5001, LogLevel.Warning, "PostgreSQL at {Endpoint} is not reachable yet ({Reason}); retrying until {Deadline:O}")]
    public static partial void DatabaseUnreachable(ILogger logger, string endpoint, string reason, DateTimeOffset deadline);

    [LoggerMessage(5002, LogLevel.Information, "Database ready: {Applied} migrations applied")]
    public static partial void DatabaseReady(ILogger logger, int applied);

    [LoggerMessage(5004, LogLevel.Information, "Trust reloaded: {Certificates} CA certificate files, {Crls} CRL files")]
    public static partial void TrustReloaded(ILogger logger, int certificates, int crls);

    [LoggerMessage(5005, LogLevel.Error, "Reloading the trusted certificates and CRLs failed; the trust loaded before stays in force")]
    public static partial void TrustReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(5006, LogLevel.Information, "Directory file {Path} was imported before with the same content; the directory is left as it is")]
    public static partial void DirectoryFileAlreadyImported(ILogger logger, string path);

    [LoggerMessage(5003, LogLevel.Information, "Imported directory file {Path}: {Participants} participants, {Certificates} certificates, {Changes} changes")]
    public static partial void DirectoryImported(ILogger logger, string path, int participants, int certificates, int changes);

    [LoggerMessage(7001, LogLevel.Debug, "Directory reloaded ({Cause}): {Participants} participants")]
    public static partial void DirectoryReloaded(ILogger logger, string cause, int participants);

    [LoggerMessage(7002, LogLevel.Warning, "Listening for directory changes failed; reconnecting in {Delay}")]
    public static partial void DirectoryListenFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(7004, LogLevel.Warning, "Admin API call {Method} {Path} from {Remote} refused: no valid token")]
    public static partial void AdminRefused(ILogger logger, string method, string path, string? remote);

    [LoggerMessage(7005, LogLevel.Warning, "Participant API call {Method} {Path} from {Remote} refused: {Reason} (system {System})")]
    public static partial void ParticipantRefused(ILogger logger, string method, string path, string? remote, string reason, string? system);

    [LoggerMessage(7008, LogLevel.Error, "Participant API call {Method} {Path} answered 503: PostgreSQL, where the API tokens are, is unavailable")]
    public static partial void ParticipantUnidentifiable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(7009, LogLevel.Warning, "Admin API change refused: {Reason}")]
    public static partial void AdminChangeRefused(ILogger logger, string reason);

    [LoggerMessage(7006, LogLevel.Information, "API token {TokenId} issued to information system {System} by {Actor}")]
    public static partial void ApiTokenIssued(ILogger logger, long tokenId, string system, string actor);

    [LoggerMessage(7007, LogLevel.Information, "API token {TokenId} of information system {System} retired by {Actor}")]
    public static partial void ApiTokenRetired(ILogger logger, long tokenId, string system, string actor);

    [LoggerMessage(7003, LogLevel.Information, "Directory changed by {Actor}: {Count} changes")]
    public static partial void DirectoryChanged(ILogger logger, string actor, int count);

    [LoggerMessage(6001, LogLevel.Information, "Expired {Count} messages whose EOL passed before {Now:O} without an Ack")]
    public static partial void Expired(ILogger logger, int count, DateTimeOffset now);

    [LoggerMessage(6002, LogLevel.Error, "The expiry sweep failed; the next firing tries again")]
    public static partial void ExpirySweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(6003, LogLevel.Debug, "The replay cache forgot {Count} calls whose Timestamps left the window")]
    public static partial void ReplayCachePurged(ILogger logger, int count);

    [LoggerMessage(6004, LogLevel.Warning, "Purging the replay cache failed; the next firing tries again")]
    public static partial void ReplayCachePurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(7010, LogLevel.Information, "Console user {User} signed in")]
    public static partial void ConsoleSignedIn(ILogger logger, string user);

    [LoggerMessage(7011, LogLevel.Warning, "Console sign-in as {User} refused: {Reason}")]
    public static partial void ConsoleSignInRefused(ILogger logger, string user, string reason);

    [LoggerMessage(7012, LogLevel.Warning, "Console user {User} locked out until {LockedUntil} after {Attempts} wrong passwords")]
    public static partial void ConsoleUserLockedOut(ILogger logger, string user, int attempts, DateTimeOffset lockedUntil);

    [LoggerMessage(7013, LogLevel.Information, "Console user {User} {Change} by {Actor}")]
    public static partial void ConsoleUserChanged(ILogger logger, string user, string change, string actor);

    [LoggerMessage(7014, LogLevel.Information, "Console session of {User} ended: {Reason}")]
    public static partial void ConsoleSessionEnded(ILogger logger, string user, string reason);

    [LoggerMessage(7031, LogLevel.Warning, "The participants page could not read the broker's queues; it shows the database's figures only")]
    public static partial void QueueInspectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(7015, LogLevel.Warning, "Console request {Path} from {Remote} refused: plain HTTP while the console's cookies are Secure")]
    public static partial void ConsoleNeedsHttps(ILogger logger, string path, string? remote);
}
