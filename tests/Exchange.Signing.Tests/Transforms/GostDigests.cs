using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>DigestValue as SMEV writes it: Base64 of the hash bytes exactly as BouncyCastle outputs them.</summary>
internal static class GostDigests
{
    public static string Gost94(byte[] data) => Base64(new Gost3411Digest(), data);

    public static string Streebog256(byte[] data) => Base64(new Gost3411_2012_256Digest(), data);

    private static string Base64(IDigest digest, byte[] data)
    {
        digest.BlockUpdate(data, 0, data.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToBase64String(hash);
    }
}
