namespace Exchange.Signing.Algorithms;

/// <summary>The BouncyCastle signature algorithm name for signing with a key of each algorithm (certificates, CRLs, CMS).</summary>
internal static class BouncyCastleSignatureNames
{
    public static string For(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => "GOST3411-2012-256WITHECGOST3410-2012-256",
        KeyAlgorithm.Gost2012_512 => "GOST3411-2012-512WITHECGOST3410-2012-512",
        KeyAlgorithm.Rsa => "SHA256WITHRSA",
        KeyAlgorithm.EcdsaP256 => "SHA256WITHECDSA",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "cannot sign with this algorithm"),
    };
}
