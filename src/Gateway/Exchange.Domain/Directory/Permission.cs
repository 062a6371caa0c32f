namespace Exchange.Domain.Directory;

/// <summary>May <see cref="Sender"/> (null: anyone) send messages of a type to the given recipients.</summary>
public sealed record Permission(string? Sender, string NamespaceUri, string RootElement, PermittedRecipients Recipients, string? Recipient = null);
