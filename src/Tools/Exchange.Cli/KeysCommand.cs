using System.Numerics;
using System.Security.Cryptography;
using Exchange.Signing.Keys;
using Org.BouncyCastle.X509;

namespace Exchange.Cli;

/// <summary>
/// <c>exchange keys ...</c>: a regional CA, participants' certificates, the CA's CRL, and a look at any certificate.
/// Keys are written as PKCS#12 (password from --password or EXCHANGE_KEY_PASSWORD), certificates as DER.
/// </summary>
internal static class KeysCommand
{
    public const string Usage = """
        exchange keys ca    --out DIR [--subject "CN=..."] [--algorithm gost2012-256|gost2012-512|rsa|ecdsa] [--years N] [--password P]
        exchange keys issue --ca CA.p12 --name NAME --out DIR [--subject "CN=..."] [--algorithm ...] [--years N] [--password P]
        exchange keys crl   --ca CA.p12 --out FILE [--revoke CERT.cer]... [--days N] [--password P]
        exchange keys show  CERT.cer
        """;

    public static int Run(Arguments args, TextWriter output) => args.Positional switch
    {
        ["keys", "ca"] => CreateAuthority(args, output),
        ["keys", "issue"] => Issue(args, output),
        ["keys", "crl"] => Crl(args, output),
        ["keys", "show", var file] => Show(file, output),
        _ => throw new UsageException(Usage),
    };

    private static int CreateAuthority(Arguments args, TextWriter output)
    {
        var folder = args.Required("out");
        using var authority = new CertificateBuilder
        {
            Algorithm = KeyAlgorithmNames.Parse(args.Optional("algorithm")),
            Subject = args.Optional("subject") ?? "CN=Exchange regional CA, O=Exchange, C=RU",
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddYears(args.Number("years", 10)),
        }.CreateAuthority();
        Save(authority, folder, "ca", Password(args), output);
        return 0;
    }

    private static int Issue(Arguments args, TextWriter output)
    {
        var password = Password(args);
        var name = args.Required("name");
        using var authority = SigningKey.FromPkcs12(File.ReadAllBytes(args.Required("ca")), password);
        using var key = new CertificateBuilder
        {
            Algorithm = KeyAlgorithmNames.Parse(args.Optional("algorithm")),
            Subject = args.Optional("subject") ?? $"CN={name}, O=Exchange participant, C=RU",
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddYears(args.Number("years", 2)),
        }.CreateIssuedBy(authority);
        Save(key, args.Required("out"), name, password, output);
        return 0;
    }

    private static int Crl(Arguments args, TextWriter output)
    {
        using var authority = SigningKey.FromPkcs12(File.ReadAllBytes(args.Required("ca")), Password(args));
        var now = DateTimeOffset.UtcNow;
        var revoked = args.All("revoke")
            .Select(file => (Serial(File.ReadAllBytes(file)), now))
            .ToList();
        var crl = CertificateBuilder.IssueCrl(authority, revoked, now, now.AddDays(args.Number("days", 30)));
        var path = args.Required("out");
        File.WriteAllBytes(path, crl);
        output.WriteLine($"{path}: CRL with {revoked.Count} revoked certificate(s), next update {now.AddDays(args.Number("days", 30)):u}");
        return 0;
    }

    private static int Show(string file, TextWriter output)
    {
        var der = File.ReadAllBytes(file);
        var certificate = new X509CertificateParser().ReadCertificate(der)
            ?? throw new UsageException($"{file} holds no certificate.");
        output.WriteLine($"subject:    {certificate.SubjectDN}");
        output.WriteLine($"issuer:     {certificate.IssuerDN}");
        output.WriteLine($"algorithm:  {KeyAlgorithmNames.Name(VerificationKey.FromCertificate(der).Algorithm)}");
        output.WriteLine($"valid:      {certificate.NotBefore:u} .. {certificate.NotAfter:u}");
        output.WriteLine($"serial:     {certificate.SerialNumber.ToString(16)}");
        output.WriteLine($"thumbprint: {Convert.ToHexString(SHA256.HashData(der))} (SHA-256)");
        return 0;
    }

    private static void Save(SigningKey key, string folder, string name, string password, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var keyFile = Path.Combine(folder, $"{name}.p12");
        var certificateFile = Path.Combine(folder, $"{name}.cer");
        File.WriteAllBytes(keyFile, key.ExportPkcs12(password));
        File.WriteAllBytes(certificateFile, key.CertificateDer);
        output.WriteLine($"{keyFile}, {certificateFile}: {KeyAlgorithmNames.Name(key.Algorithm)}");
    }

    private static BigInteger Serial(byte[] certificateDer) =>
        new(new X509CertificateParser().ReadCertificate(certificateDer).SerialNumber.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static string Password(Arguments args) =>
        args.Optional("password") ?? Environment.GetEnvironmentVariable("EXCHANGE_KEY_PASSWORD")
        ?? throw new UsageException("Give the key password with --password or EXCHANGE_KEY_PASSWORD.");
}
