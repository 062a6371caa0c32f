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
/// self-signed authority, then participant certificates it issues, and CRLs. Every algorithm but GOST 2001 works; the
/// authority signs with its own key's algorithm (a GOST 2012-256 authority signs GOST3411-2012-256WITHECGOST3410-2012-256).
/// </summary>
public sealed class CertificateBuilder
{
    public required KeyAlgorithm Algorithm { get; init; }

    /// <summary>X.500 name, e.g. "CN=Participant A, O=Exchange, C=RU".</summary>
    public required string Subject { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>Extended key usage OIDs for a participant certificate, e.g. "1.3.6.1.5.5.7.3.2"; none by default.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    /// <summary>Where a participant certificate says its issuer's CRL is published; none by default.</summary>
    public Uri? CrlDistributionPoint { get; init; }

    /// <summary>A self-signed authority: basicConstraints CA, keyUsage keyCertSign | cRLSign, both critical.</summary>
    public SigningKey CreateAuthority()
    {
        if (ExtendedKeyUsages.Count > 0 || CrlDistributionPoint is not null)
        {
            throw new InvalidOperationException("Extended key usages and a CRL distribution point apply to participant certificates only.");
        }
        var (publicKey, privateKey) = KeyPairs.Generate(Algorithm);
        var subject = new X509Name(Subject);
        var generator = Start(subject, subject, publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(cA: true));
        generator.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        return Sealed(generator, privateKey.ToBouncyCastle(), Algorithm, privateKey);
    }

    /// <summary>
    /// A participant certificate issued by <paramref name="authority"/>: keyUsage digitalSignature | nonRepudiation
    /// (critical), the authority's key identifier, and the optional extended key usages and CRL distribution point.
    /// </summary>
    public SigningKey CreateIssuedBy(SigningKey authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var issuer = new X509CertificateParser().ReadCertificate(authority.Certificate.ToArray());
        if (issuer.GetBasicConstraints() < 0)
        {
            throw new InvalidOperationException($"'{issuer.SubjectDN}' is not a certificate authority.");
        }
        var (publicKey, privateKey) = KeyPairs.Generate(Algorithm);
        var generator = Start(issuer.SubjectDN, new X509Name(Subject), publicKey);
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
        return Sealed(generator, authority.ToBouncyCastle(), authority.Algorithm, privateKey);
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

    private static SigningKey Sealed(
        X509V3CertificateGenerator generator, AsymmetricKeyParameter issuerKey, KeyAlgorithm issuerAlgorithm, IPrivateKey subjectKey)
    {
        var certificate = generator.Generate(SignatureFactory(issuerKey, issuerAlgorithm));
        // The algorithm is read back from the certificate, so a GOST key BouncyCastle labelled 2001 would fail loudly here.
        return new SigningKey(SubjectKeyAlgorithms.Of(certificate.CertificateStructure.SubjectPublicKeyInfo), certificate.GetEncoded(), subjectKey);
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
