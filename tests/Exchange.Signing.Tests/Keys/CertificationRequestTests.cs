using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;
using Exchange.Signing.Tests.Interop;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// <see cref="CertificateBuilder.Certify"/>: an EDMS vendor makes its own key (OpenSSL's GOST engine, OpenSSL RSA, .NET
/// ECDSA) and sends a PKCS#10 request; the regional CA certifies it. The certificate carries the request's subject and
/// key, is trusted with the CA as anchor, and verifies what the vendor's private key signs; an altered request, or one
/// for a key the gateway cannot use, is refused.
/// </summary>
public sealed class CertificationRequestTests : IDisposable
{
    private static readonly byte[] Data = "Signed by the vendor's own key"u8.ToArray();
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly SigningKey _authority = new CertificateBuilder
    {
        Algorithm = KeyAlgorithm.Gost2012_256, Subject = "CN=Regional CA, O=Exchange, C=RU",
        NotBefore = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero),
    }.CreateAuthority();

    private readonly ScratchDirectory _scratch = new();

    [Theory]
    [InlineData(256, "TCA")]
    [InlineData(256, "TCD")]
    [InlineData(256, "A")]
    [InlineData(512, "A")]
    [InlineData(512, "C")]
    public async Task a_gost_request_made_by_openssl_is_certified_and_the_certificate_verifies_the_vendors_signatures(int bits, string paramSet)
    {
        var openSsl = new OpenSslGost(_scratch, bits);
        var key = await openSsl.GenerateKeyAsync(paramSet, Token);
        var request = RequestDer(await openSsl.CertificationRequestAsync(key, "/CN=Vendor EDMS/O=Vendor/C=RU", Token));

        var signature = await openSsl.SignAsync(key, _scratch.Write("data.bin", Data), Token);

        var issued = Certify(request);

        AssertIssuedFor(request, issued);
        Assert.True(VerificationKey.FromCertificate(issued).Verify(
            bits == 512 ? AlgorithmUris.Gost2012_512Signature : AlgorithmUris.Gost2012_256Signature, Data, signature));
    }

    [Fact]
    public async Task an_rsa_request_made_by_openssl_is_certified_and_the_certificate_verifies_the_vendors_signatures()
    {
        var key = _scratch["rsa.key"];
        await OpenSsl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-subj", "/CN=Vendor RSA/O=Vendor/C=RU", "-out", _scratch["rsa.csr"]]);
        await OpenSsl(["dgst", "-sha256", "-sign", key, "-out", _scratch["signature.bin"], _scratch.Write("data.bin", Data)]);
        var request = RequestDer(_scratch["rsa.csr"]);
        var signature = await File.ReadAllBytesAsync(_scratch["signature.bin"], Token);

        var issued = Certify(request);

        AssertIssuedFor(request, issued);
        Assert.True(VerificationKey.FromCertificate(issued).Verify(AlgorithmUris.RsaSha256, Data, signature));
    }

    [Fact]
    public void an_ecdsa_p256_request_is_certified_and_the_certificate_verifies_the_vendors_signatures()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Vendor ECDSA, O=Vendor, C=RU", key, HashAlgorithmName.SHA256).CreateSigningRequest();

        var issued = Certify(request);

        AssertIssuedFor(request, issued);
        Assert.True(VerificationKey.FromCertificate(issued).Verify(AlgorithmUris.EcdsaSha256, Data, key.SignData(Data, HashAlgorithmName.SHA256)));
    }

    [Theory]
    [InlineData("gost")]
    [InlineData("rsa")]
    public async Task a_request_altered_after_it_was_signed_is_refused(string kind)
    {
        byte[] request;
        if (kind == "gost")
        {
            var openSsl = new OpenSslGost(_scratch);
            request = RequestDer(await openSsl.CertificationRequestAsync(await openSsl.GenerateKeyAsync("TCB", Token), "/CN=Vendor EDMS", Token));
        }
        else
        {
            using var rsa = RSA.Create(2048);
            request = new CertificateRequest("CN=Vendor EDMS", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest();
        }
        var subject = Encoding.ASCII.GetBytes("Vendor EDMS");
        request[request.AsSpan().IndexOf(subject)] = (byte)'W';

        var refusal = Assert.Throws<CryptographicException>(() => Certify(request));

        Assert.Contains("does not verify", refusal.Message);
    }

    [Fact]
    public void a_request_for_a_key_the_gateway_cannot_use_or_bytes_that_are_no_request_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=Vendor P-384", p384, HashAlgorithmName.SHA384).CreateSigningRequest();

        Assert.Contains("P-256", Assert.Throws<CryptographicException>(() => Certify(request)).Message);
        Assert.Throws<CryptographicException>(() => Certify("not a request"u8.ToArray()));
        Assert.Throws<CryptographicException>(() => Certify(_authority.CertificateDer));
    }

    [Fact]
    public void the_request_decides_subject_and_key_so_the_builder_refuses_being_told_them()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Vendor", key, HashAlgorithmName.SHA256).CreateSigningRequest();

        Assert.Throws<InvalidOperationException>(() => new CertificateBuilder
        {
            Subject = "CN=Someone else", NotBefore = At.AddDays(-1), NotAfter = At.AddYears(1),
        }.Certify(_authority, request));
    }

    private byte[] Certify(byte[] request) => new CertificateBuilder
    {
        NotBefore = At.AddDays(-1), NotAfter = At.AddYears(2), ExtendedKeyUsages = ["1.3.6.1.5.5.7.3.2"],
    }.Certify(_authority, request);

    /// <summary>The request's subject and key, a participant's key usages, the CA as issuer, trusted with the CA as anchor.</summary>
    private void AssertIssuedFor(byte[] request, byte[] issued)
    {
        var asked = new Pkcs10CertificationRequest(request).GetCertificationRequestInfo();
        var certificate = new X509CertificateParser().ReadCertificate(issued);
        Assert.Equal(asked.Subject, certificate.SubjectDN);
        Assert.Equal(asked.SubjectPublicKeyInfo.GetEncoded(), certificate.CertificateStructure.SubjectPublicKeyInfo.GetEncoded());
        Assert.Equal(new X509CertificateParser().ReadCertificate(_authority.CertificateDer).SubjectDN, certificate.IssuerDN);
        Assert.Equal([true, true, false, false, false, false, false, false, false], certificate.GetKeyUsage());
        Assert.Contains(X509Extensions.KeyUsage.Id, certificate.GetCriticalExtensionOids());
        Assert.Equal(-1, certificate.GetBasicConstraints());
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], certificate.GetExtendedKeyUsage().Select(oid => oid.Id));
        Assert.Equal(At.AddYears(2).UtcDateTime, certificate.NotAfter);
        new CertificateValidator(new TrustStore([_authority.CertificateDer], [], requireCrl: false)).Validate(issued, At);
    }

    private static byte[] RequestDer(string pemFile)
    {
        var text = File.ReadAllText(pemFile);
        var fields = PemEncoding.Find(text);
        Assert.Equal("CERTIFICATE REQUEST", text[fields.Label]);
        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    private async Task OpenSsl(IReadOnlyList<string> arguments) =>
        (await ExternalTool.RunAsync("openssl", arguments, _scratch.Path, Token)).EnsureSucceeded();

    public void Dispose()
    {
        _authority.Dispose();
        _scratch.Dispose();
    }
}
