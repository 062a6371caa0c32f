namespace Exchange.Signing.Xml;

/// <summary>Bounds on a signature from outside, beyond the bounds on the document that carries it.</summary>
public sealed record SignatureLimits
{
    public static readonly SignatureLimits Default = new();

    public int MaxTransforms { get; init; } = 4;
    public int MaxCertificateBytes { get; init; } = 16 * 1024;
    public int MaxSignatureValueBytes { get; init; } = 1024;
}
