using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace Exchange.Signing.Algorithms;

/// <summary>
/// Digests for XMLDSig DigestValue. GOST hashes come out exactly as BouncyCastle writes them, with no byte reversal:
/// that is the form whose Base64 matches the DigestValue in real SMEV messages.
/// </summary>
public static class Digests
{
    public static bool IsSupported(string uri) => AlgorithmUris.Canonical(uri) is
        AlgorithmUris.Gost2012_256Digest or AlgorithmUris.Gost2012_512Digest or AlgorithmUris.Gost94Digest or AlgorithmUris.Sha256;

    /// <exception cref="CryptographicException">The URI names no digest we support.</exception>
    public static byte[] Compute(string digestUri, ReadOnlySpan<byte> data)
    {
        var canonical = AlgorithmUris.Canonical(digestUri);
        if (canonical == AlgorithmUris.Sha256)
        {
            return SHA256.HashData(data);
        }
        var digest = CreateGost(canonical)
            ?? throw new CryptographicException($"Unsupported digest algorithm '{digestUri}'.");
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash);
        return hash;
    }

    /// <summary>
    /// A fresh BouncyCastle digest, or null for anything that is not a GOST digest. BouncyCastle digests keep state,
    /// so every caller gets its own.
    /// </summary>
    internal static IDigest? CreateGost(string? canonicalUri) => canonicalUri switch
    {
        AlgorithmUris.Gost2012_256Digest => new Gost3411_2012_256Digest(),
        AlgorithmUris.Gost2012_512Digest => new Gost3411_2012_512Digest(),
        // The parameterless constructor uses the CryptoPro S-box, the one SMEV's 34.11-94 digests were made with.
        AlgorithmUris.Gost94Digest => new Gost3411Digest(),
        _ => null,
    };
}
