namespace Exchange.Domain.Messages;

/// <summary>What came of an operator's requeue or discard of a failed message.</summary>
public enum FailedMessageActionOutcome
{
    /// <summary>Recorded, with its audit entry.</summary>
    Done,

    /// <summary>The message is not failed (now): someone requeued or discarded it first, or it never failed. Nothing changed.</summary>
    NotFailed,

    /// <summary>No message has that id.</summary>
    NotFound,
}
