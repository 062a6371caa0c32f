using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Signing.Tests.Keys;

public sealed class VerificationKeyTests
{
    [Fact]
    public void an_ecdsa_certificate_on_a_curve_other_than_p256_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=P-384", key, HashAlgorithmName.SHA384);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate(certificate.RawData));
    }

    [Fact]
    public void bytes_that_are_not_a_certificate_are_refused()
    {
        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate([0x30, 0x03, 0x02, 0x01, 0x01]));
        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate("not a certificate"u8));
        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate([]));
    }
}
