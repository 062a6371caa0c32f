namespace Exchange.Signing.Algorithms;

/// <summary>Signature algorithms by the names people know them by, for showing (never for choosing an algorithm).</summary>
public static class AlgorithmNames
{
    /// <summary>The name of the signature algorithm <paramref name="signatureMethod"/> names; the URI itself when we do not know it.</summary>
    public static string Of(string signatureMethod) => AlgorithmUris.Canonical(signatureMethod) switch
    {
        AlgorithmUris.Gost2012_256Signature => "GOST R 34.10-2012 256",
        AlgorithmUris.Gost2012_512Signature => "GOST R 34.10-2012 512",
        AlgorithmUris.Gost2001Signature => "GOST R 34.10-2001",
        AlgorithmUris.RsaSha256 => "RSA-SHA256",
        AlgorithmUris.EcdsaSha256 => "ECDSA-SHA256",
        _ => signatureMethod,
    };
}
