namespace Exchange.Domain.Directory;

public enum PermittedRecipients
{
    /// <summary>The type's provider for the territory of the request.</summary>
    Provider,

    /// <summary>Any participant named in To.</summary>
    Any,

    /// <summary>Only <see cref="Permission.Recipient"/>.</summary>
    Participant,
}
