using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Crypto.Parameters;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// The AlgorithmIdentifier parameters of a GOST R 34.10 key: SEQUENCE { publicKeyParamSet, digestParamSet OPTIONAL,
/// encryptionParamSet OPTIONAL }. RFC 9215 makes the digest parameter set optional and keys on TC26 curves usually leave
/// it out (OpenSSL's GOST engine does for paramsets TCA–TCD and 512 C); BouncyCastle's reader insists on it, so the
/// parameters are read here. The key algorithm OID, not the digest parameter set, decides the hash.
/// </summary>
internal sealed record GostKeyParameters(DerObjectIdentifier Curve, DerObjectIdentifier? Digest, DerObjectIdentifier? Encryption = null)
{
    /// <summary>TC26 paramSetA of the key's size, naming the digest parameter set: what <see cref="CertificateBuilder"/> writes unless told otherwise.</summary>
    public static GostKeyParameters Default(KeyAlgorithm algorithm) => new(
        algorithm == KeyAlgorithm.Gost2012_512
            ? RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512_paramSetA
            : RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256_paramSetA,
        DigestOf(algorithm));

    /// <summary>The digest parameter set a key of <paramref name="algorithm"/> names when it names one.</summary>
    public static DerObjectIdentifier DigestOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256,
        KeyAlgorithm.Gost2012_512 => RosstandartObjectIdentifiers.id_tc26_gost_3411_12_512,
        KeyAlgorithm.Gost2001 => CryptoProObjectIdentifiers.GostR3411x94CryptoProParamSet,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a GOST algorithm"),
    };

    /// <exception cref="CryptographicException">Absent, or not one to three OIDs.</exception>
    public static GostKeyParameters Read(Asn1Encodable? parameters)
    {
        if (parameters?.ToAsn1Object() is not Asn1Sequence { Count: >= 1 and <= 3 } sequence
            || sequence.Cast<Asn1Encodable>().Any(element => element is not DerObjectIdentifier))
        {
            throw new CryptographicException(
                $"GOST key parameters must be a sequence of one to three OIDs (curve, digest, encryption), not {parameters?.ToString() ?? "absent"}.");
        }
        var oids = sequence.Cast<DerObjectIdentifier>().ToList();
        return new GostKeyParameters(oids[0], oids.ElementAtOrDefault(1), oids.ElementAtOrDefault(2));
    }

    public Asn1Sequence ToAsn1() => new DerSequence(new Asn1Encodable?[] { Curve, Digest, Encryption }.OfType<Asn1Encodable>().ToArray());

    /// <summary>The named curve, which must be a GOST curve of the size <paramref name="algorithm"/> works on.</summary>
    /// <exception cref="CryptographicException">An unknown curve OID, or a curve of another size.</exception>
    public ECGost3410Parameters Domain(KeyAlgorithm algorithm)
    {
        var curve = ECGost3410NamedCurves.GetByOid(Curve)
            ?? throw new CryptographicException($"Unknown GOST curve (parameter set) {Curve}.");
        var bits = GostSigners.SignatureLength(algorithm) * 4;
        if (curve.Curve.FieldSize != bits)
        {
            throw new CryptographicException($"GOST curve {Curve} is a {curve.Curve.FieldSize}-bit curve; a {algorithm} key needs a {bits}-bit one.");
        }
        return new ECGost3410Parameters(new ECNamedDomainParameters(Curve, curve), Curve, Digest, Encryption);
    }
}
