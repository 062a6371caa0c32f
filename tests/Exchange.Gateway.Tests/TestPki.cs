using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A regional CA with GOST R 34.10-2012 keys, as production has, plus the odd certificates refusal tests need:
/// expired, revoked (listed in the CA's CRL), and one from a CA nobody trusts.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly Dictionary<string, SigningKey> _keys = [];
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;

    /// <param name="testClock">The test clock's reading when the tests begin.</param>
    /// <remarks>
    /// Certificates are valid both on the test clock and on the real one: a gateway started in a process of its own
    /// runs on the real clock. EXPIRED has expired on both.
    /// </remarks>
    public TestPki(DateTimeOffset testClock)
    {
        var realClock = TimeProvider.System.GetUtcNow();
        _from = testClock < realClock ? testClock : realClock;
        _to = testClock < realClock ? realClock : testClock;
        Authority = Builder("CN=Test regional CA", _from.AddDays(-10), _to.AddYears(5)).CreateAuthority();
        var otherAuthority = Builder("CN=Unknown CA", _from.AddDays(-10), _to.AddYears(5)).CreateAuthority();
        foreach (var name in new[] { "PORTAL", "HEALTH", "STRANGER", "REVOKED", "GATEWAY", "OFFICER" })
        {
            Issue(name);
        }
        _keys["RSA_BODY"] = Builder("CN=RSA_BODY", _from.AddDays(-1), _to.AddYears(1), KeyAlgorithm.Rsa).CreateIssuedBy(Authority);
        _keys["EXPIRED"] = Builder("CN=EXPIRED", _from.AddYears(-2), _from.AddDays(-1)).CreateIssuedBy(Authority);
        _keys["UNTRUSTED"] = Builder("CN=UNTRUSTED", _from.AddDays(-1), _to.AddYears(1)).CreateIssuedBy(otherAuthority);
        otherAuthority.Dispose();

        Crl = CrlRevoking("REVOKED");
    }

    /// <summary>A CRL of the regional CA, current on both clocks, that revokes the named keys' certificates.</summary>
    public byte[] CrlRevoking(params string[] names)
    {
        var parser = new Org.BouncyCastle.X509.X509CertificateParser();
        return CertificateBuilder.IssueCrl(Authority,
            [.. names.Select(name => parser.ReadCertificate(_keys[name].CertificateDer).SerialNumber)
                .Select(serial => (new System.Numerics.BigInteger(serial.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true), _from.AddMinutes(-5)))],
            _from.AddMinutes(-1), _to.AddDays(7));
    }

    public SigningKey Authority { get; }

    public byte[] Crl { get; }

    public SigningKey Key(string name) => _keys[name];

    /// <summary>Issues a new GOST key by the regional CA under <paramref name="name"/> (a new system, or a rolled-over key).</summary>
    public SigningKey Issue(string name) =>
        _keys[name] = Builder($"CN={name}", _from.AddDays(-1), _to.AddYears(1)).CreateIssuedBy(Authority);

    /// <summary>Issues a new GOST key by the regional CA under <paramref name="name"/> whose certificate ends at <paramref name="notAfter"/>.</summary>
    public SigningKey Issue(string name, DateTimeOffset notAfter) =>
        _keys[name] = Builder($"CN={name}", _from.AddDays(-1), notAfter).CreateIssuedBy(Authority);

    /// <summary>
    /// Issues a GOST 2012-256 key on the curve named by <paramref name="parameterSet"/> (an OID), its certificate naming
    /// the digest parameter set or not, as certificates of other CAs do.
    /// </summary>
    public SigningKey Issue(string name, string parameterSet, bool namesDigest) =>
        _keys[name] = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.Gost2012_256, Subject = $"CN={name}", NotBefore = _from.AddDays(-1), NotAfter = _to.AddYears(1),
            GostParameterSet = parameterSet, GostDigestParameterSet = namesDigest,
        }.CreateIssuedBy(Authority);

    public CertificateValidator Validator() => new(new TrustStore([Authority.CertificateDer], [Crl], requireCrl: true));

    private static CertificateBuilder Builder(string subject, DateTimeOffset from, DateTimeOffset to, KeyAlgorithm algorithm = KeyAlgorithm.Gost2012_256) =>
        new() { Algorithm = algorithm, Subject = subject, NotBefore = from, NotAfter = to };

    public void Dispose()
    {
        Authority.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
