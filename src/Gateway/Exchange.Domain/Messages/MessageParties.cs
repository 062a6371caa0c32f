using Exchange.Protocol.Messages;

namespace Exchange.Domain.Messages;

/// <summary>What a status lookup needs of a message: its kind, who sent it to whom, and whether it is a fanned-out broadcast.</summary>
public sealed record MessageParties(MessageKind Kind, string Sender, string Recipient, bool IsBroadcastOriginal);
