using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// GOST R 34.10 public keys in a SubjectPublicKeyInfo, read and written here rather than by BouncyCastle: its reader
/// refuses keys without a digest parameter set (see <see cref="GostKeyParameters"/>) and its writer labels any key on a
/// CryptoPro curve as GOST 2001. The key is an OCTET STRING holding X then Y, each little-endian (RFC 9215).
/// </summary>
internal static class GostPublicKeys
{
    /// <exception cref="CryptographicException">Parameters, curve or point that do not make a usable key of <paramref name="algorithm"/>.</exception>
    public static ECPublicKeyParameters Read(SubjectPublicKeyInfo publicKeyInfo, KeyAlgorithm algorithm)
    {
        var domain = GostKeyParameters.Read(publicKeyInfo.Algorithm.Parameters).Domain(algorithm);
        var coordinateLength = GostSigners.SignatureLength(algorithm) / 2;
        var octets = Parsing.Guard(() => Asn1OctetString.GetInstance(publicKeyInfo.ParsePublicKey()).GetOctets(),
            "The GOST public key is not an OCTET STRING.");
        if (octets.Length != 2 * coordinateLength)
        {
            throw new CryptographicException($"A {algorithm} public key has {2 * coordinateLength} bytes, not {octets.Length}.");
        }
        var uncompressed = new byte[1 + octets.Length];
        uncompressed[0] = 0x04;
        octets.AsSpan(0, coordinateLength).CopyTo(uncompressed.AsSpan(1));
        octets.AsSpan(coordinateLength).CopyTo(uncompressed.AsSpan(1 + coordinateLength));
        uncompressed.AsSpan(1, coordinateLength).Reverse();
        uncompressed.AsSpan(1 + coordinateLength).Reverse();
        // DecodePoint refuses a point that is not on the curve.
        var point = Parsing.Guard(() => domain.Curve.DecodePoint(uncompressed), $"The GOST public key is not a point of curve {domain.PublicKeyParamSet}.");
        return new ECPublicKeyParameters(point, domain);
    }

    /// <summary>The SubjectPublicKeyInfo of a key generated on <paramref name="parameters"/>, under the 2012 OID whatever the curve.</summary>
    public static SubjectPublicKeyInfo Write(ECPublicKeyParameters key, KeyAlgorithm algorithm, GostKeyParameters parameters)
    {
        var coordinateLength = GostSigners.SignatureLength(algorithm) / 2;
        var q = key.Q.Normalize();
        var x = Arrays.ReverseInPlace(BigIntegers.AsUnsignedByteArray(coordinateLength, q.AffineXCoord.ToBigInteger()));
        var y = Arrays.ReverseInPlace(BigIntegers.AsUnsignedByteArray(coordinateLength, q.AffineYCoord.ToBigInteger()));
        var oid = algorithm switch
        {
            KeyAlgorithm.Gost2012_256 => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256,
            KeyAlgorithm.Gost2012_512 => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "only GOST 2012 keys are written"),
        };
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(oid, parameters.ToAsn1()), new DerOctetString(Arrays.Concatenate(x, y)));
    }

    /// <summary>
    /// Any certificate's key as BouncyCastle parameters, for checking the signatures of certificates, CRLs and requests:
    /// GOST keys read here, the rest by BouncyCastle.
    /// </summary>
    /// <exception cref="CryptographicException">A key that cannot be read.</exception>
    public static AsymmetricKeyParameter ForBouncyCastle(SubjectPublicKeyInfo publicKeyInfo)
    {
        var oid = publicKeyInfo.Algorithm.Algorithm;
        if (oid.Equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256) || oid.Equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512)
            || oid.Equals(CryptoProObjectIdentifiers.GostR3410x2001))
        {
            return Read(publicKeyInfo, SubjectKeyAlgorithms.Of(publicKeyInfo));
        }
        return Parsing.Guard(() => PublicKeyFactory.CreateKey(publicKeyInfo), $"Unreadable {oid} public key.");
    }
}
