using System.Collections.Concurrent;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// One CA-issued participant key per algorithm for the whole test run: RSA and GOST-512 key generation costs enough
/// that tests which merely use a key should share one. Callers must not dispose them.
/// </summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<KeyAlgorithm, Lazy<SigningKey>> Participants = new();

    public static SigningKey Participant(KeyAlgorithm algorithm) =>
        Participants.GetOrAdd(algorithm, a => new Lazy<SigningKey>(() => Create(a))).Value;

    private static SigningKey Create(KeyAlgorithm algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        using var authority = new CertificateBuilder
        {
            Algorithm = algorithm, Subject = $"CN=Test CA {algorithm}, O=Exchange, C=RU", NotBefore = now.AddDays(-1), NotAfter = now.AddYears(1),
        }.CreateAuthority();
        return new CertificateBuilder
        {
            Algorithm = algorithm, Subject = $"CN=Participant {algorithm}, O=Exchange, C=RU", NotBefore = now.AddDays(-1), NotAfter = now.AddMonths(1),
        }.CreateIssuedBy(authority);
    }
}
