using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// A GOST R 34.10-2012 private key held by BouncyCastle (.NET has no GOST). <paramref name="keyAlgorithm"/> is the
/// certificate's SubjectPublicKeyInfo algorithm, reused for PKCS#8 export: BouncyCastle's own PrivateKeyInfoFactory
/// labels a 2012 key on a CryptoPro curve as GOST 2001, which other tools would then misread.
/// </summary>
internal sealed class GostPrivateKey(KeyAlgorithm algorithm, ECPrivateKeyParameters key, AlgorithmIdentifier keyAlgorithm)
    : IPrivateKey
{
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        // A signer per call: BouncyCastle signers are stateful, the key parameters are immutable and shared.
        var signer = GostSigners.Create(algorithm);
        signer.Init(true, key);
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public byte[] ExportEncryptedPkcs8(string password, PbeParameters protection)
    {
        // CryptoPro / RFC 9215 form: an OCTET STRING holding the private scalar little-endian.
        var length = GostSigners.SignatureLength(algorithm) / 2;
        var littleEndian = Arrays.ReverseInPlace(BigIntegers.AsUnsignedByteArray(length, key.D));
        var info = new System.Security.Cryptography.Pkcs.Pkcs8PrivateKeyInfo(
            new Oid(keyAlgorithm.Algorithm.Id),
            keyAlgorithm.Parameters?.GetEncoded(Asn1Encodable.Der),
            new DerOctetString(littleEndian).GetEncoded(Asn1Encodable.Der));
        return info.Encrypt(password, protection);
    }

    public AsymmetricKeyParameter ToBouncyCastle() => key;

    public void Dispose()
    {
        // Nothing to release: BouncyCastle keeps the scalar in an immutable BigInteger that cannot be wiped.
    }
}
