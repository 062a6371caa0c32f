namespace Exchange.Domain.Delivery;

public enum AckOutcome
{
    /// <summary>Recorded now; the message will never be handed out again.</summary>
    Acknowledged,

    /// <summary>It was acknowledged before; nothing changed.</summary>
    AlreadyAcknowledged,

    /// <summary>The caller has no delivered message with that id.</summary>
    NotFound,
}
