namespace Exchange.Domain.Directory;

/// <summary>Who provides a type for a territory (null: the whole region); the closest territory wins.</summary>
public sealed record TypeProvider(string NamespaceUri, string RootElement, string? Territory, string Provider);
