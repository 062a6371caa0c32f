namespace Exchange.Gateway.Storage.Directory;

/// <summary>The participant that receives requests of one business message type.</summary>
public sealed record ProvidedType(string NamespaceUri, string RootElement, string Provider);
