using System.Numerics;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Exchange.Signing.Tests.Keys;

/// <summary>Certificates and CRLs from <see cref="CertificateBuilder"/>, read back with BouncyCastle.</summary>
public sealed class CertificateBuilderTests
{
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void the_authority_certificate_is_a_self_signed_ca(KeyAlgorithm algorithm)
    {
        using var authority = Authority(algorithm);

        var certificate = Parse(authority.CertificateDer);

        Assert.Equal(3, certificate.Version);
        Assert.Equal("CN=Тестовый УЦ,O=Exchange,C=RU", certificate.SubjectDN.ToString());
        Assert.Equal(certificate.SubjectDN, certificate.IssuerDN);
        Assert.Equal(NotBefore.UtcDateTime, certificate.NotBefore);
        Assert.Equal(NotAfter.UtcDateTime, certificate.NotAfter);
        Assert.Equal(int.MaxValue, certificate.GetBasicConstraints());
        Assert.Contains(X509Extensions.BasicConstraints.Id, certificate.GetCriticalExtensionOids());
        Assert.Contains(X509Extensions.KeyUsage.Id, certificate.GetCriticalExtensionOids());
        Assert.Equal(KeyUsageBits(keyCertSign: true, crlSign: true), certificate.GetKeyUsage());
        Assert.NotNull(X509ExtensionUtilities.GetSubjectKeyIdentifier(certificate));
        Assert.Equal(SignatureAlgorithmOid(algorithm), certificate.SigAlgOid);
        Assert.Equal(PublicKeyAlgorithmOid(algorithm), certificate.CertificateStructure.SubjectPublicKeyInfo.Algorithm.Algorithm.Id);
        certificate.Verify(certificate.GetPublicKey());
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void the_participant_certificate_is_issued_and_signed_by_the_authority(KeyAlgorithm algorithm)
    {
        using var authority = Authority(algorithm);
        using var participant = new CertificateBuilder
        {
            Algorithm = algorithm, Subject = "CN=Participant, O=Exchange, C=RU", NotBefore = NotBefore, NotAfter = NotAfter.AddYears(-5),
            ExtendedKeyUsages = [ClientAuthentication], CrlDistributionPoint = new Uri("http://ca.test/crl/root.crl"),
        }.CreateIssuedBy(authority);

        var issuer = Parse(authority.CertificateDer);
        var certificate = Parse(participant.CertificateDer);

        Assert.Equal(algorithm, participant.Algorithm);
        Assert.Equal(issuer.SubjectDN, certificate.IssuerDN);
        Assert.Equal("CN=Participant,O=Exchange,C=RU", certificate.SubjectDN.ToString());
        Assert.Equal(NotBefore.UtcDateTime, certificate.NotBefore);
        Assert.Equal(NotAfter.AddYears(-5).UtcDateTime, certificate.NotAfter);
        Assert.Equal(-1, certificate.GetBasicConstraints());
        Assert.Contains(X509Extensions.KeyUsage.Id, certificate.GetCriticalExtensionOids());
        Assert.Equal(KeyUsageBits(digitalSignature: true, nonRepudiation: true), certificate.GetKeyUsage());
        Assert.Equal([ClientAuthentication], certificate.GetExtendedKeyUsage().Select(oid => oid.Id));
        Assert.Equal(
            X509ExtensionUtilities.GetSubjectKeyIdentifier(issuer).GetKeyIdentifier(),
            X509ExtensionUtilities.GetAuthorityKeyIdentifier(certificate).KeyIdentifier.GetOctets());
        Assert.Equal("http://ca.test/crl/root.crl", CrlDistributionPointUri(certificate));
        Assert.Equal(SignatureAlgorithmOid(algorithm), certificate.SigAlgOid);
        Assert.Equal(PublicKeyAlgorithmOid(algorithm), certificate.CertificateStructure.SubjectPublicKeyInfo.Algorithm.Algorithm.Id);
        certificate.Verify(issuer.GetPublicKey());
        Assert.ThrowsAny<Exception>(() => certificate.Verify(certificate.GetPublicKey()));
    }

    [Fact]
    public void an_authority_of_one_algorithm_issues_participants_of_another()
    {
        using var authority = Authority(KeyAlgorithm.Gost2012_512);
        using var participant = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Mixed", NotBefore = NotBefore, NotAfter = NotAfter,
        }.CreateIssuedBy(authority);

        var certificate = Parse(participant.CertificateDer);

        Assert.Equal(SignatureAlgorithmOid(KeyAlgorithm.Gost2012_512), certificate.SigAlgOid);
        Assert.Equal(PublicKeyAlgorithmOid(KeyAlgorithm.EcdsaP256), certificate.CertificateStructure.SubjectPublicKeyInfo.Algorithm.Algorithm.Id);
        certificate.Verify(Parse(authority.CertificateDer).GetPublicKey());
    }

    [Fact]
    public void serial_numbers_are_random_and_positive()
    {
        using var first = Authority(KeyAlgorithm.EcdsaP256);
        using var second = Authority(KeyAlgorithm.EcdsaP256);

        var serials = new[] { Parse(first.CertificateDer).SerialNumber, Parse(second.CertificateDer).SerialNumber };

        Assert.NotEqual(serials[0], serials[1]);
        Assert.All(serials, serial => Assert.InRange(serial.BitLength, 96, 127));
        Assert.All(serials, serial => Assert.Equal(1, serial.SignValue));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void the_crl_lists_the_revoked_serial_and_verifies_with_the_authority_key(KeyAlgorithm algorithm)
    {
        using var authority = Authority(algorithm);
        using var participant = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Revoked", NotBefore = NotBefore, NotAfter = NotAfter,
        }.CreateIssuedBy(authority);
        var revoked = Parse(participant.CertificateDer);
        var serial = new BigInteger(revoked.SerialNumber.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        var revokedAt = new DateTimeOffset(2026, 3, 1, 12, 30, 15, TimeSpan.Zero);
        var thisUpdate = revokedAt.AddHours(1);

        var crl = new X509CrlParser().ReadCrl(CertificateBuilder.IssueCrl(authority, [(serial, revokedAt)], thisUpdate, thisUpdate.AddDays(7)));

        var issuer = Parse(authority.CertificateDer);
        crl.Verify(issuer.GetPublicKey());
        Assert.Equal(issuer.SubjectDN, crl.IssuerDN);
        Assert.Equal(thisUpdate.UtcDateTime, crl.ThisUpdate);
        Assert.Equal(thisUpdate.AddDays(7).UtcDateTime, crl.NextUpdate);
        Assert.True(crl.IsRevoked(revoked));
        Assert.Equal(revokedAt.UtcDateTime, crl.GetRevokedCertificate(revoked.SerialNumber).RevocationDate);
        Assert.False(crl.IsRevoked(issuer));
        Assert.Equal(SignatureAlgorithmOid(algorithm), crl.SigAlgOid);
    }

    [Fact]
    public void a_participant_certificate_cannot_issue_certificates()
    {
        using var authority = Authority(KeyAlgorithm.EcdsaP256);
        using var participant = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Leaf", NotBefore = NotBefore, NotAfter = NotAfter,
        }.CreateIssuedBy(authority);

        Assert.Throws<InvalidOperationException>(() => new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Grandchild", NotBefore = NotBefore, NotAfter = NotAfter,
        }.CreateIssuedBy(participant));
    }

    [Fact]
    public void gost_2001_keys_are_not_generated() =>
        Assert.Throws<NotSupportedException>(() => Authority(KeyAlgorithm.Gost2001));

    private static SigningKey Authority(KeyAlgorithm algorithm) => new CertificateBuilder
    {
        Algorithm = algorithm, Subject = "CN=Тестовый УЦ, O=Exchange, C=RU", NotBefore = NotBefore, NotAfter = NotAfter,
    }.CreateAuthority();

    private static X509Certificate Parse(byte[] der) => new X509CertificateParser().ReadCertificate(der);

    private static bool[] KeyUsageBits(
        bool digitalSignature = false, bool nonRepudiation = false, bool keyCertSign = false, bool crlSign = false) =>
        [digitalSignature, nonRepudiation, false, false, false, keyCertSign, crlSign, false, false];

    private static string CrlDistributionPointUri(X509Certificate certificate)
    {
        var points = CrlDistPoint.GetInstance(X509ExtensionUtilities.FromExtensionValue(certificate, X509Extensions.CrlDistributionPoints));
        var name = (GeneralNames)Assert.Single(points.GetDistributionPoints()).DistributionPointName.Name;
        var uri = Assert.Single(name.GetNames());
        Assert.Equal(GeneralName.UniformResourceIdentifier, uri.TagNo);
        return ((IAsn1String)uri.Name).GetString();
    }

    private static string SignatureAlgorithmOid(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => "1.2.643.7.1.1.3.2",
        KeyAlgorithm.Gost2012_512 => "1.2.643.7.1.1.3.3",
        KeyAlgorithm.Rsa => "1.2.840.113549.1.1.11",
        _ => "1.2.840.10045.4.3.2",
    };

    private static string PublicKeyAlgorithmOid(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Gost2012_256 => "1.2.643.7.1.1.1.1",
        KeyAlgorithm.Gost2012_512 => "1.2.643.7.1.1.1.2",
        KeyAlgorithm.Rsa => "1.2.840.113549.1.1.1",
        _ => "1.2.840.10045.2.1",
    };
}
