using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
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

    /// <summary>
    /// The key of a PKCS#8 PrivateKeyInfo whose certificate key is <paramref name="certificateKey"/>. The curve is taken
    /// from the certificate (read as <see cref="GostPublicKeys"/> does), only the scalar from the PKCS#8: BouncyCastle's
    /// reader refuses the parameters of TC26 keys without a digest parameter set, as OpenSSL writes them. The scalar is an
    /// OCTET STRING little-endian (RFC 9215), an INTEGER (older tools), or the bare little-endian bytes.
    /// </summary>
    public static GostPrivateKey FromPkcs8(byte[] pkcs8, KeyAlgorithm algorithm, SubjectPublicKeyInfo certificateKey)
    {
        var domain = GostPublicKeys.Read(certificateKey, algorithm).Parameters;
        var info = Parsing.Guard(() => PrivateKeyInfo.GetInstance(pkcs8), "Unreadable GOST private key.");
        if (!info.PrivateKeyAlgorithm.Algorithm.Equals(certificateKey.Algorithm.Algorithm)
            && !info.PrivateKeyAlgorithm.Algorithm.Equals(CryptoProObjectIdentifiers.GostR3410x2001))
        {
            throw new CryptographicException("The private key is not a GOST key, unlike its certificate.");
        }
        var octets = info.PrivateKey.GetOctets();
        var scalar = octets.Length == GostSigners.SignatureLength(algorithm) / 2
            ? new BigInteger(1, octets, bigEndian: false)
            : Parsing.Guard(() => info.ParsePrivateKey() switch
            {
                DerInteger integer => integer.PositiveValue,
                Asn1OctetString littleEndian => new BigInteger(1, littleEndian.GetOctets(), bigEndian: false),
                var other => throw new CryptographicException($"A GOST private key is an OCTET STRING or INTEGER, not {other.GetType().Name}."),
            }, "Unreadable GOST private key.");
        return new GostPrivateKey(algorithm, new ECPrivateKeyParameters(scalar, domain), certificateKey.Algorithm);
    }

    public void Dispose()
    {
        // Nothing to release: BouncyCastle keeps the scalar in an immutable BigInteger that cannot be wiped.
    }
}
