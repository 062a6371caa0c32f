using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>BouncyCastle's GOST R 34.11-2012/256 as a HashAlgorithm, so SignedXml can compute a SMEV Reference digest in tests.</summary>
public sealed class Streebog256HashAlgorithm : HashAlgorithm
{
    public const string Uri = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256";

    private readonly Gost3411_2012_256Digest _digest = new();

    public Streebog256HashAlgorithm()
    {
        HashSizeValue = 256;
    }

    public override void Initialize() => _digest.Reset();

    protected override void HashCore(byte[] array, int ibStart, int cbSize) => _digest.BlockUpdate(array, ibStart, cbSize);

    protected override byte[] HashFinal()
    {
        var hash = new byte[_digest.GetDigestSize()];
        _digest.DoFinal(hash, 0);
        return hash;
    }
}
