using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exchange.Signing.Keys;
using Org.BouncyCastle.X509;

namespace Exchange.Cli;

/// <summary>
/// <c>exchange keys ...</c>: a regional CA, participants' certificates (for keys made here, or certifying a key a
/// participant made itself and sent as a PKCS#10 request), the CA's CRL, and a look at any certificate.
/// Keys are written as PKCS#12 (password from --password or EXCHANGE_KEY_PASSWORD), certificates as DER.
/// </summary>
internal static class KeysCommand
{
    public const string Usage = """
        exchange keys ca    --out DIR [--subject "CN=..."] [--algorithm gost2012-256|gost2012-512|rsa|ecdsa] [--years N] [--password P]
        exchange keys issue --ca CA.p12 --name NAME --out DIR [--subject "CN=..."] [--algorithm ...] [--years N] [--password P]
        exchange keys certify --ca CA.p12 --csr REQUEST.csr --out CERT.cer [--years N] [--password P]
                            certify a key the participant made itself: the PKCS#10 request (PEM or DER; GOST 2012-256/512,
                            RSA or ECDSA P-256) must be signed with that key; the certificate gets its subject and key
        exchange keys crl   --ca CA.p12 --out FILE [--revoke CERT.cer]... [--days N] [--password P]
        exchange keys show  CERT.cer    (PEM or DER) subject, issuer, validity, serial, the thumbprint the gateway knows
                            it by (SHA-256 of the DER) and key algorithm; exit code 1 if the gateway cannot use the key
        """;

    public static int Run(Arguments args, TextWriter output) => args.Positional switch
    {
        ["keys", "ca"] => CreateAuthority(args, output),
        ["keys", "issue"] => Issue(args, output),
        ["keys", "certify"] => Certify(args, output),
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

    private static int Certify(Arguments args, TextWriter output)
    {
        var requestFile = args.Required("csr");
        var request = CertificateFiles.Decode(requestFile, File.ReadAllBytes(requestFile), "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
        using var authority = SigningKey.FromPkcs12(File.ReadAllBytes(args.Required("ca")), Password(args));
        byte[] certificate;
        try
        {
            certificate = new CertificateBuilder
            {
                NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
                NotAfter = DateTimeOffset.UtcNow.AddYears(args.Number("years", 2)),
            }.Certify(authority, request);
        }
        catch (CryptographicException e)
        {
            throw new CommandFailedException($"{requestFile} is refused: {e.Message}");
        }
        var path = args.Required("out");
        File.WriteAllBytes(path, certificate);
        output.WriteLine($"{path}: {KeyAlgorithmNames.Name(VerificationKey.FromCertificate(certificate).Algorithm)}, thumbprint {Thumbprint(certificate)}");
        return 0;
    }

    /// <exception cref="CommandFailedException">No certificate, or (after the rest is shown) a key the gateway cannot use.</exception>
    private static int Show(string file, TextWriter output)
    {
        var der = CertificateFiles.Decode(file, File.ReadAllBytes(file), "CERTIFICATE");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new CommandFailedException($"{file} is not an X.509 certificate: {e.Message}");
        }
        using (certificate)
        {
            output.WriteLine($"subject:    {certificate.Subject}");
            output.WriteLine($"issuer:     {certificate.Issuer}");
            output.WriteLine($"valid:      {certificate.NotBefore.ToUniversalTime():u} .. {certificate.NotAfter.ToUniversalTime():u}");
            output.WriteLine($"serial:     {certificate.SerialNumber}");
            output.WriteLine($"thumbprint: {Thumbprint(der)} (SHA-256 of the DER: what the gateway and `directory retire certificate` use)");
        }
        output.WriteLine($"algorithm:  {KeyAlgorithmNames.Name(CertificateFiles.UsableKey(file, der).Algorithm)}");
        return 0;
    }

    /// <summary>What the gateway knows a certificate by: the SHA-256 of its DER (never of a PEM file's text).</summary>
    internal static string Thumbprint(byte[] certificateDer) => Convert.ToHexString(SHA256.HashData(certificateDer));

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
