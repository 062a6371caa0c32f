namespace Exchange.Signing.Algorithms;

/// <summary>The URIs we emit for a key of each algorithm.</summary>
internal static class KeyAlgorithmUris
{
    public static string SignatureUri(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => AlgorithmUris.Gost2012_256Signature,
        KeyAlgorithm.Gost2012_512 => AlgorithmUris.Gost2012_512Signature,
        KeyAlgorithm.Rsa => AlgorithmUris.RsaSha256,
        KeyAlgorithm.EcdsaP256 => AlgorithmUris.EcdsaSha256,
        KeyAlgorithm.Gost2001 => AlgorithmUris.Gost2001Signature,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static string DigestUri(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => AlgorithmUris.Gost2012_256Digest,
        KeyAlgorithm.Gost2012_512 => AlgorithmUris.Gost2012_512Digest,
        KeyAlgorithm.Rsa or KeyAlgorithm.EcdsaP256 => AlgorithmUris.Sha256,
        KeyAlgorithm.Gost2001 => AlgorithmUris.Gost94Digest,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
