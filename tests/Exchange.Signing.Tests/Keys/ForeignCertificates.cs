using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// Certificates carrying a SubjectPublicKeyInfo exactly as given, for keys no builder would make (an unknown curve,
/// a point off its curve). They are signed by a throwaway P-256 key: only the key inside matters to these tests.
/// </summary>
internal static class ForeignCertificates
{
    public static byte[] WithPublicKey(SubjectPublicKeyInfo publicKey)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECNamedDomainParameters(
            Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.Prime256v1, Org.BouncyCastle.Asn1.X9.ECNamedCurveTable.GetByName("P-256")), new SecureRandom()));
        var signer = generator.GenerateKeyPair();
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.One);
        certificate.SetIssuerDN(new X509Name("CN=Foreign"));
        certificate.SetSubjectDN(new X509Name("CN=Foreign"));
        certificate.SetNotBefore(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetNotAfter(new DateTime(2035, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetSubjectPublicKeyInfo(publicKey);
        return certificate.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signer.Private)).GetEncoded();
    }

    public static SubjectPublicKeyInfo PublicKeyOf(byte[] certificateDer) =>
        new X509CertificateParser().ReadCertificate(certificateDer).CertificateStructure.SubjectPublicKeyInfo;

    /// <summary><paramref name="publicKey"/> with its algorithm parameters replaced.</summary>
    public static SubjectPublicKeyInfo WithParameters(SubjectPublicKeyInfo publicKey, Asn1Encodable parameters) =>
        new(new AlgorithmIdentifier(publicKey.Algorithm.Algorithm, parameters), publicKey.PublicKey);
}
