namespace Exchange.Domain.Delivery;

/// <summary>
/// An accepted message on its way from the node that accepted it to its recipient's inbox: which message, for whom. All
/// nodes share one database, so everything else (content, files, the sender's signature, EOL) stays there.
/// </summary>
public sealed record RelayedMessage(Guid MessageId, string Recipient);
