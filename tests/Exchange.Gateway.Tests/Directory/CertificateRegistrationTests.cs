using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>
/// A certificate is registered only if the gateway can verify signatures with its key, decided by the verifier's own
/// reading of it: one it could not use is refused at registration with a problem naming it and the reason, and is
/// never stored; one it can (GOST keys on TC26 curves without a digest parameter set among them) then signs calls.
/// </summary>
public sealed class CertificateRegistrationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> UnusableKeys => ["ECDSA P-384", "DSA", "GOST on an unknown curve"];

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public async Task a_certificate_whose_key_the_gateway_cannot_use_is_refused_when_registered_and_not_stored(string key)
    {
        var der = UnusableCertificate(key);
        var thumbprint = Convert.ToHexString(SHA256.HashData(der));

        using var response = await gateway.Admin().PostAsJsonAsync("/api/admin/systems/PORTAL_SYSTEM/certificates",
            new { pem = PemEncoding.WriteString("CERTIFICATE", der) }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Contains(thumbprint, (string)problem["detail"]!);
        Assert.Contains("cannot verify signatures", (string)problem["detail"]!);
        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM system_certificates WHERE thumbprint = '{thumbprint}'"));
    }

    [Fact]
    public async Task a_directory_import_holding_an_unusable_certificate_is_refused_whole()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        var directory = JsonNode.Parse((await admin.SendAsync(HttpMethod.Get, "/api/admin/directory", null)).GetRawText())!;
        var portal = directory["participants"]!.AsArray().Single(p => (string?)p!["mnemonic"] == "PORTAL")!;
        portal["name"] = "Renamed in the same import";
        portal["systems"]![0]!["certificates"]!.AsArray().Add(new JsonObject { ["pem"] = PemEncoding.WriteString("CERTIFICATE", UnusableCertificate("DSA")) });

        using var response = await gateway.Admin().PutAsJsonAsync("/api/admin/directory", directory, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot verify signatures", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM participants WHERE name = 'Renamed in the same import'"));
    }

    [Theory]
    [InlineData("1.2.643.7.1.2.1.1.1", false)]
    [InlineData("1.2.643.7.1.2.1.1.4", false)]
    [InlineData("1.2.643.2.2.35.1", true)]
    public async Task a_gost_certificate_on_any_allowed_parameter_set_is_registered_and_its_key_signs_calls(string parameterSet, bool namesDigest)
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        var participant = $"SET_{parameterSet.Replace('.', '_')}";
        await admin.AddParticipantAsync(participant, "institution");
        var key = gateway.Pki.Issue($"{participant}_KEY", parameterSet, namesDigest);

        await admin.SendAsync(HttpMethod.Post, $"/api/admin/systems/{GatewayFixture.SystemOf(participant)}/certificates",
            new { pem = PemEncoding.WriteString("CERTIFICATE", key.CertificateDer) });

        Assert.Null(await gateway.Client($"{participant}_KEY").GetRequestAsync(cancellationToken: Token));
    }

    private byte[] UnusableCertificate(string key) => key switch
    {
        "ECDSA P-384" => SelfSigned(ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        "DSA" => DsaCertificate(),
        _ => GostKeyOnUnknownCurve(),
    };

    private static byte[] SelfSigned(ECDsa key)
    {
        using (key)
        {
            var request = new CertificateRequest("CN=Unusable P-384", key, HashAlgorithmName.SHA384);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            return certificate.RawData;
        }
    }

    // .NET makes no DSA signatures for certificates, but an RSA issuer can certify a DSA key.
    private static byte[] DsaCertificate()
    {
        using var dsa = DSA.Create(2048);
        using var rsa = RSA.Create(2048);
        using var issuer = new CertificateRequest("CN=RSA issuer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var certificate = new CertificateRequest(new X500DistinguishedName("CN=Unusable DSA"), new PublicKey(dsa), HashAlgorithmName.SHA256)
            .Create(issuer.SubjectName, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMonths(6), [1, 2, 3]);
        return certificate.RawData;
    }

    // A GOST key of the regional CA's, its curve swapped for an OID no standard defines; whoever signs it does not
    // matter, registration reads the key before anything else.
    private byte[] GostKeyOnUnknownCurve()
    {
        var publicKey = new X509CertificateParser().ReadCertificate(gateway.Pki.Key("PORTAL").CertificateDer).CertificateStructure.SubjectPublicKeyInfo;
        var signer = GeneratorUtilities.GetKeyPairGenerator("ECDSA");
        signer.Init(new KeyGenerationParameters(new SecureRandom(), 256));
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.One);
        generator.SetIssuerDN(new X509Name("CN=Some CA"));
        generator.SetSubjectDN(new X509Name("CN=GOST on an unknown curve"));
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddYears(1));
        generator.SetSubjectPublicKeyInfo(new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(publicKey.Algorithm.Algorithm, new DerSequence(new DerObjectIdentifier("1.2.643.7.1.2.1.1.9"))), publicKey.PublicKey));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signer.GenerateKeyPair().Private)).GetEncoded();
    }
}
