namespace Exchange.Protocol.Xml;

/// <summary>Bounds applied to every XML document that comes from outside.</summary>
public sealed record XmlLimits
{
    public static readonly XmlLimits Default = new();

    /// <summary>Largest document accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; SMEV envelopes with business content need a few dozen levels.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most attributes on one element.</summary>
    public int MaxAttributesPerElement { get; init; } = 64;

    /// <summary>Longest single attribute value, in characters.</summary>
    public int MaxAttributeLength { get; init; } = 64 * 1024;
}
