using System.Numerics;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Tests.Certificates;

public sealed class CertificateValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly SigningKey _authority = Builder("CN=Regional CA", Now.AddDays(-30), Now.AddYears(3)).CreateAuthority();
    private readonly SigningKey _participant;

    public CertificateValidatorTests() => _participant = Builder("CN=Participant", Now.AddDays(-1), Now.AddYears(1)).CreateIssuedBy(_authority);

    private static CertificateBuilder Builder(string subject, DateTimeOffset from, DateTimeOffset to) =>
        new() { Algorithm = KeyAlgorithm.Gost2012_256, Subject = subject, NotBefore = from, NotAfter = to };

    private byte[] Crl(params SigningKey[] revoked) => Crl(_authority, Now.AddDays(7), revoked);

    private static byte[] Crl(SigningKey authority, DateTimeOffset nextUpdate, params SigningKey[] revoked) =>
        CertificateBuilder.IssueCrl(authority, revoked.Select(k => (Serial(k), Now.AddHours(-1))), Now.AddHours(-2), nextUpdate);

    private static BigInteger Serial(SigningKey key) => new(
        new X509CertificateParser().ReadCertificate(key.CertificateDer).SerialNumber.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private CertificateValidator Validator(bool requireCrl = true, params byte[][] crls) =>
        new(new TrustStore([_authority.CertificateDer], crls, requireCrl));

    private static SignatureError Refusal(CertificateValidator validator, SigningKey key, DateTimeOffset? at = null) =>
        Assert.Throws<SignatureException>(() => validator.Validate(key.CertificateDer, at ?? Now)).Error;

    [Fact]
    public void a_certificate_of_the_regional_ca_that_is_not_revoked_is_trusted()
    {
        Validator(crls: Crl()).Validate(_participant.CertificateDer, Now);
    }

    [Fact]
    public void an_expired_certificate_is_refused()
    {
        Assert.Equal(SignatureError.CertificateExpired, Refusal(Validator(crls: Crl()), _participant, Now.AddYears(2)));
    }

    [Fact]
    public void a_certificate_not_yet_valid_is_refused()
    {
        Assert.Equal(SignatureError.CertificateNotYetValid, Refusal(Validator(crls: Crl()), _participant, Now.AddDays(-2)));
    }

    [Fact]
    public void a_certificate_of_an_unknown_ca_is_refused()
    {
        using var other = Builder("CN=Regional CA", Now.AddDays(-30), Now.AddYears(3)).CreateAuthority();
        using var stranger = Builder("CN=Stranger", Now.AddDays(-1), Now.AddYears(1)).CreateIssuedBy(other);
        // Same issuer name, different key: only the signature on the certificate tells them apart.
        Assert.Equal(SignatureError.CertificateUntrusted, Refusal(Validator(crls: Crl()), stranger));
    }

    [Fact]
    public void a_revoked_certificate_is_refused()
    {
        Assert.Equal(SignatureError.CertificateRevoked, Refusal(Validator(crls: Crl(_participant)), _participant));
    }

    [Fact]
    public void a_certificate_revoked_later_than_the_moment_checked_was_valid_then()
    {
        Validator(crls: Crl(_participant)).Validate(_participant.CertificateDer, Now.AddHours(-1.5));
    }

    [Fact]
    public void without_a_crl_revocation_is_unknown_when_crls_are_required()
    {
        Assert.Equal(SignatureError.RevocationUnknown, Refusal(Validator(requireCrl: true), _participant));
        Validator(requireCrl: false).Validate(_participant.CertificateDer, Now);
    }

    [Fact]
    public void an_expired_crl_leaves_revocation_unknown()
    {
        Assert.Equal(SignatureError.RevocationUnknown, Refusal(Validator(crls: Crl(_authority, Now.AddMinutes(-1))), _participant));
    }

    [Fact]
    public void a_crl_not_signed_by_the_issuer_is_ignored()
    {
        using var impostor = Builder("CN=Regional CA", Now.AddDays(-30), Now.AddYears(3)).CreateAuthority();
        Assert.Equal(SignatureError.RevocationUnknown, Refusal(Validator(crls: Crl(impostor, Now.AddDays(7))), _participant));
    }

    [Fact]
    public void a_ca_certificate_cannot_sign_messages()
    {
        Assert.Equal(SignatureError.CertificateKeyUsage, Refusal(Validator(crls: Crl()), _authority));
    }

    [Fact]
    public void garbage_is_not_a_certificate()
    {
        Assert.Equal(SignatureError.CertificateUnreadable,
            Assert.Throws<SignatureException>(() => Validator(crls: Crl()).Validate([1, 2, 3], Now)).Error);
    }

    [Fact]
    public void a_certificate_trusted_a_moment_ago_is_still_refused_once_it_has_expired()
    {
        using var shortLived = Builder("CN=Short-lived", Now.AddDays(-1), Now.AddSeconds(30)).CreateIssuedBy(_authority);
        var validator = Validator(crls: Crl());
        validator.Validate(shortLived.CertificateDer, Now);

        Assert.Equal(SignatureError.CertificateExpired, Refusal(validator, shortLived, Now.AddSeconds(45)));
    }

    [Fact]
    public void a_trusted_certificate_is_checked_again_after_a_minute()
    {
        var validator = Validator(crls: Crl());
        validator.Validate(_participant.CertificateDer, Now.AddHours(-3));

        // Three hours later the CRL (issued two hours ago) must be consulted again, and it says revoked an hour ago.
        var revokingValidator = Validator(crls: Crl(_participant));
        revokingValidator.Validate(_participant.CertificateDer, Now.AddHours(-1.5));
        Assert.Equal(SignatureError.CertificateRevoked, Refusal(revokingValidator, _participant, Now));
    }

    public void Dispose()
    {
        _participant.Dispose();
        _authority.Dispose();
    }
}
