namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>One message type of <c>schemas/business/catalog.json</c>.</summary>
internal sealed record BusinessCatalogEntry
{
    public required string NamespaceUri { get; init; }

    public required string RootElement { get; init; }

    /// <summary>The schema's path relative to the catalog, with forward slashes.</summary>
    public required string Schema { get; init; }

    public required string Description { get; init; }

    /// <summary>The type's name as the gateway writes it: <c>{namespace}local</c>.</summary>
    public string QualifiedName => $"{{{NamespaceUri}}}{RootElement}";
}
