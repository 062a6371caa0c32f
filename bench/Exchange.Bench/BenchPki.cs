using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Bench;

/// <summary>
/// The bench's keys, all of one algorithm: a CA, and the sender's, the receiver's and the gateway's keys issued by it,
/// plus the CA's CRL (empty), since the gateway refuses certificates whose issuer has no current CRL.
/// </summary>
public sealed class BenchPki : IDisposable
{
    public BenchPki(KeyAlgorithm algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        Authority = Builder(algorithm, "CN=Exchange bench CA", now).CreateAuthority();
        Sender = Builder(algorithm, "CN=Bench sender", now).CreateIssuedBy(Authority);
        Receiver = Builder(algorithm, "CN=Bench receiver", now).CreateIssuedBy(Authority);
        Gateway = Builder(algorithm, "CN=Bench gateway", now).CreateIssuedBy(Authority);
        Crl = CertificateBuilder.IssueCrl(Authority, [], now.AddMinutes(-1), now.AddDays(1));
    }

    public SigningKey Authority { get; }

    public SigningKey Sender { get; }

    public SigningKey Receiver { get; }

    public SigningKey Gateway { get; }

    public byte[] Crl { get; }

    /// <summary>What the clients check the gateway's signature against, as a participant's system would.</summary>
    public CertificateValidator Validator() => new(new TrustStore([Authority.CertificateDer], [Crl], requireCrl: true));

    public void Dispose()
    {
        Authority.Dispose();
        Sender.Dispose();
        Receiver.Dispose();
        Gateway.Dispose();
    }

    private static CertificateBuilder Builder(KeyAlgorithm algorithm, string subject, DateTimeOffset now) =>
        new() { Algorithm = algorithm, Subject = subject, NotBefore = now.AddDays(-1), NotAfter = now.AddDays(1) };
}
