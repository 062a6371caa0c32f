using System.Collections.Concurrent;
using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// A participant key together with the certificate of the authority that issued it: xmlsec1 checks the chain of the
/// certificate in ds:KeyInfo, so it has to be told which authority to trust. One per algorithm for the whole run.
/// </summary>
internal sealed class InteropKeys
{
    private static readonly ConcurrentDictionary<KeyAlgorithm, Lazy<InteropKeys>> Issued = new();

    private InteropKeys(SigningKey participant, byte[] authorityCertificateDer)
    {
        Participant = participant;
        AuthorityCertificatePem = PemEncoding.WriteString("CERTIFICATE", authorityCertificateDer);
    }

    /// <summary>Callers must not dispose it.</summary>
    public SigningKey Participant { get; }

    public string AuthorityCertificatePem { get; }

    public string ParticipantCertificatePem => PemEncoding.WriteString("CERTIFICATE", Participant.CertificateDer);

    public static InteropKeys For(KeyAlgorithm algorithm) =>
        Issued.GetOrAdd(algorithm, a => new Lazy<InteropKeys>(() => Create(a))).Value;

    private static InteropKeys Create(KeyAlgorithm algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        using var authority = new CertificateBuilder
        {
            Algorithm = algorithm, Subject = $"CN=Interop CA {algorithm}, O=Exchange, C=RU", NotBefore = now.AddDays(-1), NotAfter = now.AddYears(1),
        }.CreateAuthority();
        var participant = new CertificateBuilder
        {
            Algorithm = algorithm, Subject = $"CN=Interop participant {algorithm}, O=Exchange, C=RU", NotBefore = now.AddDays(-1), NotAfter = now.AddMonths(1),
        }.CreateIssuedBy(authority);
        return new InteropKeys(participant, authority.CertificateDer);
    }
}
