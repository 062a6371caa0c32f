namespace Exchange.Protocol.Mtom;

/// <summary>
/// A received MTOM message split into its parts: the root (the SOAP envelope as XOP infoset) and the binary parts
/// by Content-ID. Both are slices of the received body, not copies.
/// </summary>
public sealed record MtomMessage(ReadOnlyMemory<byte> Root, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Parts)
{
    /// <summary>The media type of an MTOM SOAP 1.1 message: <c>multipart/related; type="application/xop+xml"</c>.</summary>
    public const string MediaType = "multipart/related";
    public const string RootMediaType = "application/xop+xml";
}
