namespace Exchange.Protocol.Mtom;

/// <summary>Bounds on an MTOM (multipart/related) request beyond the body size, which the endpoint bounds first.</summary>
public sealed record MtomLimits
{
    /// <summary>Most MIME parts, the root (the SOAP envelope) included.</summary>
    public int MaxParts { get; init; } = 101;

    /// <summary>Longest header block of one part, in bytes.</summary>
    public int MaxPartHeaderBytes { get; init; } = 8 * 1024;
}
