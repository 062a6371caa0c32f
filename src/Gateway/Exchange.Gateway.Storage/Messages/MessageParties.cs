namespace Exchange.Gateway.Storage.Messages;

/// <summary>What a status lookup needs of a message: its kind, who sent it to whom, and whether it is a fanned-out broadcast.</summary>
public sealed record MessageParties(string Kind, string Sender, string Recipient, bool IsBroadcastOriginal);
