using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// Tells the key algorithm from a certificate's SubjectPublicKeyInfo algorithm OID. The OID, not the curve, decides:
/// real GOST 2012 certificates (SMEV's own among them) put 2012 keys on the CryptoPro 2001 curves.
/// </summary>
internal static class SubjectKeyAlgorithms
{
    public static KeyAlgorithm Of(SubjectPublicKeyInfo publicKey)
    {
        var oid = publicKey.Algorithm.Algorithm;
        if (oid.Equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256))
        {
            return KeyAlgorithm.Gost2012_256;
        }
        if (oid.Equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512))
        {
            return KeyAlgorithm.Gost2012_512;
        }
        if (oid.Equals(CryptoProObjectIdentifiers.GostR3410x2001))
        {
            return KeyAlgorithm.Gost2001;
        }
        if (oid.Equals(PkcsObjectIdentifiers.RsaEncryption))
        {
            return KeyAlgorithm.Rsa;
        }
        if (oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            // Only the named P-256 curve: XMLDSig ecdsa-sha256 with any other curve is not something SMEV peers use.
            return publicKey.Algorithm.Parameters is DerObjectIdentifier curve && curve.Equals(X9ObjectIdentifiers.Prime256v1)
                ? KeyAlgorithm.EcdsaP256
                : throw new CryptographicException($"Unsupported elliptic curve {publicKey.Algorithm.Parameters}: only P-256 is supported.");
        }
        throw new CryptographicException($"Unsupported public key algorithm {oid}.");
    }
}
