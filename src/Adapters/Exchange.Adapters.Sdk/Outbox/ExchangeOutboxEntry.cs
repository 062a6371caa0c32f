namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>What the outbox knows of one message it was given to send.</summary>
public sealed class ExchangeOutboxEntry
{
    internal ExchangeOutboxEntry(Guid messageId, ExchangeOutboxEntryState state, int attempts, DateTimeOffset nextAttemptAt,
        DateTimeOffset? sentAt, string? fault, string? lastError)
    {
        MessageId = messageId;
        State = state;
        Attempts = attempts;
        NextAttemptAt = nextAttemptAt;
        SentAt = sentAt;
        Fault = fault;
        LastError = lastError;
    }

    public Guid MessageId { get; }

    public ExchangeOutboxEntryState State { get; }

    /// <summary>Attempts made so far (each may have retried within itself).</summary>
    public int Attempts { get; }

    /// <summary>When a pending entry is due to be tried (again).</summary>
    public DateTimeOffset NextAttemptAt { get; }

    /// <summary>
    /// When the gateway accepted the message, as its answer says (a resend after a crash is answered with the first
    /// acceptance's time); null unless sent.
    /// </summary>
    public DateTimeOffset? SentAt { get; }

    /// <summary>For a failed entry, the SMEV fault element the gateway refused it with, e.g. <c>UnknownMessageType</c>.</summary>
    public string? Fault { get; }

    /// <summary>What went wrong last: the fault's text, or why a pending entry waits for another attempt.</summary>
    public string? LastError { get; }
}
