namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// How a GOST R 34.10-2012 signature from OpenSSL's GOST engine (<c>openssl dgst -md_gost12_256 -sign</c>, raw output)
/// becomes an XMLDSig SignatureValue and back: it does not change. Both sides write s then r, each a big-endian integer
/// filling half the value (32 + 32 bytes for 256-bit keys; the TC26 layout BouncyCastle's Gost3410DigestSigner and SMEV
/// use), and both read the Streebog hash of the signed bytes as a little-endian integer before signing. Reversing the
/// whole value (the little-endian order CryptoAPI's CryptSignHash hands out) or swapping its halves (r || s) does not
/// verify; the tests pin all three. 512-bit keys write 64 + 64 bytes alike.
/// </summary>
internal static class GostSignatureLayout
{
    public const int Length256 = 64;
    public const int Length512 = 128;

    public static byte[] ToXmlDsig(byte[] openSslSignature) => Checked(openSslSignature);

    public static byte[] ToOpenSsl(byte[] signatureValue) => Checked(signatureValue);

    public static byte[] Distorted(byte[] signature, SignatureDistortion distortion) => distortion switch
    {
        SignatureDistortion.Reversed => signature.Reverse().ToArray(),
        SignatureDistortion.HalvesSwapped => [.. signature[(signature.Length / 2)..], .. signature[..(signature.Length / 2)]],
        SignatureDistortion.BitFlipped => FlipLowestBit(signature, signature.Length / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(distortion), distortion, null),
    };

    private static byte[] Checked(byte[] signature)
    {
        Assert.Contains(signature.Length, (int[])[Length256, Length512]);
        return (byte[])signature.Clone();
    }

    private static byte[] FlipLowestBit(byte[] signature, int index)
    {
        var copy = (byte[])signature.Clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
