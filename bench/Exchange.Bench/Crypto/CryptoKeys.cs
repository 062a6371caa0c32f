using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Bench.Crypto;

/// <summary>A CA, a participant key and the validator that trusts the CA, for one algorithm.</summary>
internal sealed class CryptoKeys : IDisposable
{
    public CryptoKeys(KeyAlgorithm algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        Authority = new CertificateBuilder { Algorithm = algorithm, Subject = "CN=Bench CA", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(2) }
            .CreateAuthority();
        Participant = new CertificateBuilder { Algorithm = algorithm, Subject = "CN=Bench participant", NotBefore = now.AddDays(-1), NotAfter = now.AddDays(2) }
            .CreateIssuedBy(Authority);
        var crl = CertificateBuilder.IssueCrl(Authority, [], now.AddMinutes(-1), now.AddDays(1));
        Validator = new CertificateValidator(new TrustStore([Authority.CertificateDer], [crl], requireCrl: true));
    }

    public SigningKey Authority { get; }
    public SigningKey Participant { get; }
    public CertificateValidator Validator { get; }

    public void Dispose()
    {
        Participant.Dispose();
        Authority.Dispose();
    }
}
