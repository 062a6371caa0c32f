namespace Exchange.Domain.Messages;

/// <summary>What became of a message offered for acceptance.</summary>
public enum AcceptOutcome
{
    /// <summary>Stored now, with its first status row and its outbox row.</summary>
    Accepted,

    /// <summary>The same sender sent the same content under this MessageID before: nothing new was stored.</summary>
    AlreadyAccepted,

    /// <summary>The MessageID is taken by a different message: refused.</summary>
    IdTaken,

    /// <summary>The attachments would take the sender past its attachment quota: refused, nothing stored.</summary>
    QuotaExceeded,
}
