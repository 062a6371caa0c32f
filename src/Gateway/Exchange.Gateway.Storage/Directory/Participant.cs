namespace Exchange.Gateway.Storage.Directory;

/// <summary>A body or system registered with the gateway, known by its stable mnemonic.</summary>
public sealed record Participant(string Mnemonic, string Name);
