namespace Exchange.Signing.Algorithms;

/// <summary>The kinds of key a certificate can carry that we know how to use.</summary>
public enum KeyAlgorithm
{
    /// <summary>GOST R 34.10-2012 with a 256-bit key, hashed with Streebog-256.</summary>
    Gost2012_256,

    /// <summary>GOST R 34.10-2012 with a 512-bit key, hashed with Streebog-512.</summary>
    Gost2012_512,

    /// <summary>RSA, PKCS#1 v1.5 with SHA-256.</summary>
    Rsa,

    /// <summary>ECDSA on NIST P-256 with SHA-256.</summary>
    EcdsaP256,

    /// <summary>GOST R 34.10-2001 with GOST R 34.11-94: verification of old signatures only.</summary>
    Gost2001,
}
