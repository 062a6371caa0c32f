namespace Exchange.Protocol.Messages;

/// <summary>A sender or recipient as <c>MessageMetadata</c> names it.</summary>
public sealed record Party(string Mnemonic, string HumanReadableName);
