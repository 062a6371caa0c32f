using System.Numerics;
using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Exchange.Signing.Keys;

/// <summary>
/// Makes key pairs and X.509 v3 certificates (BouncyCastle) for test stands, demos and local participants: a
/// self-signed authority, then participant certificates it issues for keys made here or by the participant itself
/// (<see cref="Certify"/>), and CRLs. Every algorithm but GOST 2001 works; the authority signs with its own key's
/// algorithm (a GOST 2012-256 authority signs GOST3411-2012-256WITHECGOST3410-2012-256).
/// </summary>
public sealed class CertificateBuilder
{
    /// <summary>The algorithm of the key to make; required by <see cref="CreateAuthority"/> and <see cref="CreateIssuedBy"/>.</summary>
    public KeyAlgorithm? Algorithm { get; init; }

    /// <summary>X.500 name, e.g. "CN=Participant A, O=Exchange, C=RU"; required, except by <see cref="Certify"/>.</summary>
    public string? Subject { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>Extended key usage OIDs for a participant certificate, e.g. "1.3.6.1.5.5.7.3.2"; none by default.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    /// <summary>Where a participant certificate says its issuer's CRL is published; none by default.</summary>
    public Uri? CrlDistributionPoint { get; init; }

    /// <summary>
    /// GOST keys only: the OID of the curve's parameter set. TC26 256-bit paramSetA–D are 1.2.643.7.1.2.1.1.1–4, TC26
    /// 512-bit paramSetA–C 1.2.643.7.1.2.1.2.1–3; 256-bit keys may also lie on the CryptoPro curves A, B, C
    /// (1.2.643.2.2.35.1–3), XchA and XchB (1.2.643.2.2.36.0–1). TC26 paramSetA of the key's size by default.
    /// </summary>
    public string? GostParameterSet { get; init; }

    /// <summary>
    /// GOST keys only: whether the key names its digest parameter set besides its curve (the default). RFC 9215 lets
    /// keys leave it out, and OpenSSL's GOST engine does for most TC26 curves.
    /// </summary>
    public bool GostDigestParameterSet { get; init; } = true;

    /// <summary>A self-signed authority: basicConstraints CA, keyUsage keyCertSign | cRLSign, both critical.</summary>
    public SigningKey CreateAuthority()
    {
        if (ExtendedKeyUsages.Count > 0 || CrlDistributionPoint is not null)
        {
            throw new InvalidOperationException("Extended key usages and a CRL distribution point apply to participant certificates only.");
        }
        var algorithm = RequiredAlgorithm();
        var (publicKey, privateKey) = KeyPairs.Generate(algorithm, GostParameters(algorithm));
        var subject = new X509Name(RequiredSubject());
        var generator = Start(subject, subject, publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(cA: true));
        generator.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        return Sealed(generator.Generate(SignatureFactory(privateKey.ToBouncyCastle(), algorithm)), privateKey);
    }

    /// <summary>
    /// A participant certificate issued by <paramref name="authority"/>: keyUsage digitalSignature | nonRepudiation
    /// (critical), the authority's key identifier, and the optional extended key usages and CRL distribution point.
    /// </summary>
    public SigningKey CreateIssuedBy(SigningKey authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var issuer = IssuerOf(authority);
        var algorithm = RequiredAlgorithm();
        var (publicKey, privateKey) = KeyPairs.Generate(algorithm, GostParameters(algorithm));
        return Sealed(Issue(authority, issuer, new X509Name(RequiredSubject()), publicKey), privateKey);
    }

    /// <summary>
    /// Certifies a key a participant made itself and sent as a PKCS#10 request (DER): the request's own signature must
    /// verify with the key it names (proof of possession), and the key must be one the gateway can verify with. The
    /// certificate carries the request's subject and key and what <see cref="CreateIssuedBy"/> gives a participant;
    /// extensions the request asks for are not copied. Leave <see cref="Algorithm"/>, <see cref="Subject"/> and the
    /// GOST options unset: the request decides them.
    /// </summary>
    /// <returns>The certificate, DER.</returns>
    /// <exception cref="CryptographicException">Not a PKCS#10 request, a signature that does not verify, or a key we cannot use.</exception>
    public byte[] Certify(SigningKey authority, ReadOnlySpan<byte> certificationRequest)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (Algorithm is not null || Subject is not null || GostParameterSet is not null || !GostDigestParameterSet)
        {
            throw new InvalidOperationException("A certification request names its own subject and key: leave Algorithm, Subject and the GOST options unset.");
        }
        var issuer = IssuerOf(authority);
        var request = CertificationRequests.ReadVerified(certificationRequest);
        return Issue(authority, issuer, request.Subject, request.SubjectPublicKeyInfo).GetEncoded();
    }

    /// <summary>A DER X.509 v2 CRL signed by <paramref name="authority"/>, listing <paramref name="revoked"/>.</summary>
    public static byte[] IssueCrl(
        SigningKey authority,
        IEnumerable<(BigInteger serial, DateTimeOffset revokedAt)> revoked,
        DateTimeOffset thisUpdate,
        DateTimeOffset nextUpdate)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(revoked);
        var issuer = new X509CertificateParser().ReadCertificate(authority.Certificate.ToArray());
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(issuer.SubjectDN);
        generator.SetThisUpdate(WholeSeconds(thisUpdate));
        generator.SetNextUpdate(WholeSeconds(nextUpdate));
        foreach (var (serial, revokedAt) in revoked)
        {
            generator.AddCrlEntry(ToBouncyCastle(serial), WholeSeconds(revokedAt), CrlReason.Unspecified);
        }
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, critical: false, AuthorityKeyIdentifierOf(issuer));
        // RFC 5280 requires a CRL number that grows with each CRL; thisUpdate in Unix seconds does, without keeping state.
        generator.AddExtension(X509Extensions.CrlNumber, critical: false, new CrlNumber(BcBigInteger.ValueOf(thisUpdate.ToUnixTimeSeconds())));
        return generator.Generate(SignatureFactory(authority.ToBouncyCastle(), authority.Algorithm)).GetEncoded();
    }

    private BcCertificate Issue(SigningKey authority, BcCertificate issuer, X509Name subject, SubjectPublicKeyInfo publicKey)
    {
        var generator = Start(issuer.SubjectDN, subject, publicKey);
        generator.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, critical: false, AuthorityKeyIdentifierOf(issuer));
        if (ExtendedKeyUsages.Count > 0)
        {
            generator.AddExtension(X509Extensions.ExtendedKeyUsage, critical: false,
                new ExtendedKeyUsage(ExtendedKeyUsages.Select(oid => new DerObjectIdentifier(oid))));
        }
        if (CrlDistributionPoint is not null)
        {
            var name = new GeneralNames(new GeneralName(GeneralName.UniformResourceIdentifier, CrlDistributionPoint.AbsoluteUri));
            generator.AddExtension(X509Extensions.CrlDistributionPoints, critical: false,
                new CrlDistPoint([new DistributionPoint(new DistributionPointName(name), null, null)]));
        }
        return generator.Generate(SignatureFactory(authority.ToBouncyCastle(), authority.Algorithm));
    }

    private X509V3CertificateGenerator Start(X509Name issuer, X509Name subject, SubjectPublicKeyInfo publicKey)
    {
        if (NotAfter <= NotBefore)
        {
            throw new InvalidOperationException($"NotAfter ({NotAfter:O}) must be later than NotBefore ({NotBefore:O}).");
        }
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(RandomSerialNumber());
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(WholeSeconds(NotBefore));
        generator.SetNotAfter(WholeSeconds(NotAfter));
        generator.SetSubjectPublicKeyInfo(publicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, critical: false,
            X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return generator;
    }

    private static SigningKey Sealed(BcCertificate certificate, IPrivateKey subjectKey) =>
        // The algorithm is read back from the certificate, so a GOST key labelled 2001 would fail loudly here.
        new(SubjectKeyAlgorithms.Of(certificate.CertificateStructure.SubjectPublicKeyInfo), certificate.GetEncoded(), subjectKey);

    private static BcCertificate IssuerOf(SigningKey authority)
    {
        var issuer = new X509CertificateParser().ReadCertificate(authority.Certificate.ToArray());
        return issuer.GetBasicConstraints() >= 0 ? issuer : throw new InvalidOperationException($"'{issuer.SubjectDN}' is not a certificate authority.");
    }

    private KeyAlgorithm RequiredAlgorithm() =>
        Algorithm ?? throw new InvalidOperationException("Say which Algorithm the new key is of.");

    private string RequiredSubject() =>
        Subject ?? throw new InvalidOperationException("Say the Subject of the new certificate.");

    /// <summary>The curve and digest parameter set of a new GOST key; null for other keys.</summary>
    private GostKeyParameters? GostParameters(KeyAlgorithm algorithm)
    {
        if (algorithm is not (KeyAlgorithm.Gost2012_256 or KeyAlgorithm.Gost2012_512))
        {
            return GostParameterSet is null && GostDigestParameterSet
                ? null
                : throw new InvalidOperationException($"The GOST options apply to GOST keys only, not {algorithm}.");
        }
        DerObjectIdentifier? curve = null;
        if (GostParameterSet is not null && !DerObjectIdentifier.TryFromID(GostParameterSet, out curve))
        {
            throw new InvalidOperationException($"GostParameterSet '{GostParameterSet}' is not an OID.");
        }
        var parameters = new GostKeyParameters(
            curve ?? GostKeyParameters.Default(algorithm).Curve, GostDigestParameterSet ? GostKeyParameters.DigestOf(algorithm) : null);
        parameters.Domain(algorithm); // an unknown curve, or one of the other size, is refused before any key is made
        return parameters;
    }

    private static Asn1SignatureFactory SignatureFactory(AsymmetricKeyParameter key, KeyAlgorithm algorithm) =>
        new(BouncyCastleSignatureNames.For(algorithm), key);

    private static AuthorityKeyIdentifier AuthorityKeyIdentifierOf(BcCertificate issuer) =>
        X509ExtensionUtilities.CreateAuthorityKeyIdentifier(
            X509ExtensionUtilities.GetSubjectKeyIdentifier(issuer)
            ?? X509ExtensionUtilities.CreateSubjectKeyIdentifier(issuer.CertificateStructure.SubjectPublicKeyInfo));

    // 16 random bytes with the top bit cleared: RFC 5280 serials are positive and at most 20 octets.
    private static BcBigInteger RandomSerialNumber()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[0] &= 0x7F;
        return new BcBigInteger(1, bytes);
    }

    private static BcBigInteger ToBouncyCastle(BigInteger serial) =>
        serial.Sign > 0
            ? new BcBigInteger(1, serial.ToByteArray(isUnsigned: true, isBigEndian: true))
            : throw new ArgumentOutOfRangeException(nameof(serial), serial, "Certificate serial numbers are positive.");

    // X.509 times carry whole seconds; truncating here keeps what is asked and what is encoded equal.
    private static DateTime WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
