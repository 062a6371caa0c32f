namespace Exchange.Domain.Messages;

/// <summary>How another message is linked to the one looked at.</summary>
public enum MessageLink
{
    /// <summary>The request the message answers.</summary>
    Answers,

    /// <summary>A response to the message.</summary>
    AnsweredBy,

    /// <summary>The message its sender named as ReferenceMessageID, when that is not the request it answers.</summary>
    RefersTo,

    /// <summary>The broadcast the message is a copy of.</summary>
    CopyOf,

    /// <summary>A copy of the broadcast, for one of its recipients.</summary>
    Copy,
}
