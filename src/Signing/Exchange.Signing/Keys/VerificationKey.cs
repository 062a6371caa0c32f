using System.Collections.Concurrent;
using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys.Internal;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Keys;

/// <summary>
/// The public key of a certificate, ready to check XMLDSig SignatureValues. Says nothing about whether the certificate
/// is valid or trusted: that is the caller's chain and revocation check. Safe for concurrent use.
/// </summary>
public sealed class VerificationKey
{
    private readonly ISignatureVerifier _verifier;

    private VerificationKey(KeyAlgorithm algorithm, ISignatureVerifier verifier)
    {
        Algorithm = algorithm;
        _verifier = verifier;
    }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>The SignatureMethod URI we would emit for this key.</summary>
    public string SignatureUri => Algorithm.SignatureUri();

    /// <exception cref="CryptographicException">The bytes are not a certificate, or its key is one we cannot use.</exception>
    public static VerificationKey FromCertificate(ReadOnlySpan<byte> der)
    {
        return FromPublicKeyInfo(ParsePublicKeyInfo(der));
    }

    /// <summary>
    /// The one decision whether a key is usable here: the verifier, certificate registration and certification of
    /// requests all come through this.
    /// </summary>
    internal static VerificationKey FromPublicKeyInfo(SubjectPublicKeyInfo publicKeyInfo)
    {
        var algorithm = SubjectKeyAlgorithms.Of(publicKeyInfo);
        return new VerificationKey(algorithm, CreateVerifier(algorithm, publicKeyInfo));
    }

    /// <summary>
    /// True only when <paramref name="signatureUri"/> (or an accepted alias of it) is this key's algorithm and the
    /// signature is valid. Encodings: GOST = the raw 64/128-byte value as BouncyCastle produces it (no reversal),
    /// ECDSA = r || s, RSA = PKCS#1 v1.5.
    /// </summary>
    public bool Verify(string signatureUri, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        AlgorithmUris.Canonical(signatureUri) == SignatureUri && _verifier.Verify(data, signature);

    private static SubjectPublicKeyInfo ParsePublicKeyInfo(ReadOnlySpan<byte> der)
    {
        var bytes = der.ToArray();
        return Parsing.Guard(() => new X509CertificateParser().ReadCertificate(bytes), "The bytes are not a DER X.509 certificate.")
            ?.CertificateStructure.SubjectPublicKeyInfo
            ?? throw new CryptographicException("The bytes are not a DER X.509 certificate.");
    }

    private static ISignatureVerifier CreateVerifier(KeyAlgorithm algorithm, SubjectPublicKeyInfo publicKeyInfo)
    {
        switch (algorithm)
        {
            case KeyAlgorithm.Rsa:
                var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(publicKeyInfo.GetEncoded(), out _);
                return new RsaVerifier(rsa);
            case KeyAlgorithm.EcdsaP256:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportSubjectPublicKeyInfo(publicKeyInfo.GetEncoded(), out _);
                return new EcdsaVerifier(ecdsa);
            default:
                return new GostVerifier(algorithm, ParseGostPublicKey(publicKeyInfo, algorithm));
        }
    }

    // An unknown curve OID or a point off the curve ends here. Checking the point costs about as much as two
    // signature verifications, and the same few participants call all day: a key once checked is remembered
    // (the parameters are immutable, so sharing them between threads is safe).
    private static ECPublicKeyParameters ParseGostPublicKey(SubjectPublicKeyInfo publicKeyInfo, KeyAlgorithm algorithm)
    {
        var fingerprint = Convert.ToHexString(SHA256.HashData(publicKeyInfo.GetEncoded()));
        if (CheckedGostKeys.TryGetValue(fingerprint, out var known))
        {
            return known;
        }
        var parsed = GostPublicKeys.Read(publicKeyInfo, algorithm);
        if (CheckedGostKeys.Count >= MaxRememberedKeys)
        {
            CheckedGostKeys.Clear();
        }
        CheckedGostKeys[fingerprint] = parsed;
        return parsed;
    }

    private const int MaxRememberedKeys = 10_000;
    private static readonly ConcurrentDictionary<string, ECPublicKeyParameters> CheckedGostKeys = new();
}
