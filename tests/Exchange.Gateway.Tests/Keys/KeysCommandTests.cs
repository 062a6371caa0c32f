using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exchange.Cli;
using Exchange.Gateway.Callers;
using Exchange.Signing.Certificates;

namespace Exchange.Gateway.Tests.Keys;

/// <summary>
/// <c>exchange keys show</c>: the thumbprint it prints is the one the gateway knows the certificate by, for PEM and
/// DER files alike, and no input makes it crash: what it cannot read is a clear error with a non-zero exit code.
/// </summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("exchange-keys-").FullName;
    private readonly TestPki _pki = new(GatewayFixture.Start);

    [Fact]
    public void show_prints_the_thumbprint_the_gateway_uses_for_a_pem_and_a_der_file_alike()
    {
        var der = _pki.Key("PORTAL").CertificateDer;
        var pemFile = Write("portal.pem", PemEncoding.WriteString("CERTIFICATE", der));
        var derFile = Write("portal.cer", der);

        var fromPem = Show(pemFile);
        var fromDer = Show(derFile);

        Assert.Equal(fromDer, fromPem);
        Assert.Contains($"thumbprint: {CallerVerifier.Thumbprint(der)} ", fromPem);
        Assert.Contains("algorithm:  gost2012-256", fromPem);
    }

    [Fact]
    public void show_reads_a_tc26_certificate_without_a_digest_parameter_set()
    {
        var key = _pki.Issue("TC26_SHOWN", "1.2.643.7.1.2.1.1.1", namesDigest: false);

        Assert.Contains("algorithm:  gost2012-256", Show(Write("tc26.pem", PemEncoding.WriteString("CERTIFICATE", key.CertificateDer))));
    }

    [Theory]
    [InlineData("not a certificate at all")]
    [InlineData("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\n!!! damaged !!!\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END PRIVATE KEY-----\n")]
    public void show_refuses_what_is_not_a_certificate_naming_the_file(string content)
    {
        var file = Write("bad.cer", content);

        var refused = Assert.Throws<CommandFailedException>(() => Show(file));

        Assert.Contains(file, refused.Message);
    }

    [Fact]
    public void show_prints_what_it_can_of_a_certificate_whose_key_the_gateway_cannot_use_then_refuses()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var certificate = new CertificateRequest("CN=P-384", p384, HashAlgorithmName.SHA384)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var file = Write("p384.cer", certificate.RawData);
        var output = new StringWriter();

        var refused = Assert.Throws<CommandFailedException>(() => KeysCommand.Run(new Arguments(["keys", "show", file]), output));

        Assert.Contains($"thumbprint: {CallerVerifier.Thumbprint(certificate.RawData)} ", output.ToString());
        Assert.Contains("P-256", refused.Message);
    }

    [Fact]
    public async Task the_command_exits_non_zero_with_a_message_and_no_stack_trace_on_unreadable_input()
    {
        var file = Write("bad.cer", "not a certificate at all");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in new[] { typeof(KeysCommand).Assembly.Location, "keys", "show", file })
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("is not an X.509 certificate", await error);
        Assert.DoesNotContain("   at ", await error);
    }

    [Fact]
    public void certify_issues_a_certificate_for_a_vendors_request_that_the_regional_ca_vouches_for_and_refuses_an_altered_one()
    {
        var output = new StringWriter();
        Assert.Equal(0, KeysCommand.Run(new Arguments(["keys", "ca", "--out", _folder, "--password", "pw"]), output));
        using var vendorKey = RSA.Create(2048);
        var pem = new CertificateRequest("CN=Vendor EDMS, O=Vendor, C=RU", vendorKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSigningRequestPem();
        var issuedFile = Path.Combine(_folder, "vendor.cer");

        var exit = KeysCommand.Run(new Arguments(["keys", "certify", "--ca", Path.Combine(_folder, "ca.p12"), "--csr", Write("vendor.csr", pem),
            "--out", issuedFile, "--password", "pw"]), output);

        Assert.Equal(0, exit);
        var issued = File.ReadAllBytes(issuedFile);
        using var certificate = X509CertificateLoader.LoadCertificate(issued);
        Assert.Equal("CN=Vendor EDMS, O=Vendor, C=RU", certificate.Subject);
        Assert.Equal(vendorKey.ExportSubjectPublicKeyInfo(), certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Contains(CallerVerifier.Thumbprint(issued), output.ToString());
        new CertificateValidator(new TrustStore([File.ReadAllBytes(Path.Combine(_folder, "ca.cer"))], [], requireCrl: false))
            .Validate(issued, DateTimeOffset.UtcNow);

        var altered = Write("altered.csr", pem[..60] + (pem[60] == 'A' ? 'B' : 'A') + pem[61..]);
        var refused = Assert.Throws<CommandFailedException>(() => KeysCommand.Run(new Arguments(["keys", "certify", "--ca", Path.Combine(_folder, "ca.p12"),
            "--csr", altered, "--out", Path.Combine(_folder, "altered.cer"), "--password", "pw"]), output));
        Assert.Contains(altered, refused.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "altered.cer")));
    }

    private static string Show(string file)
    {
        var output = new StringWriter();
        Assert.Equal(0, KeysCommand.Run(new Arguments(["keys", "show", file]), output));
        return output.ToString();
    }

    private string Write(string name, string content) => Write(name, System.Text.Encoding.ASCII.GetBytes(content));

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        _pki.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
