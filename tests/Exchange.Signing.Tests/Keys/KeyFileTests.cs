using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;

namespace Exchange.Signing.Tests.Keys;

public sealed class KeyFileTests
{
    // Non-ASCII on purpose: PKCS#12 and PBES2 turn passwords into bytes differently (BMPString vs UTF-8).
    private const string Password = "пароль-Exchange-1";

    private static readonly byte[] Data = "signed info"u8.ToArray();

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void a_pkcs12_export_imports_to_a_key_the_original_certificate_verifies(KeyAlgorithm algorithm)
    {
        var original = TestKeys.Participant(algorithm);

        using var imported = SigningKey.FromPkcs12(original.ExportPkcs12(Password), Password);

        Assert.Equal(algorithm, imported.Algorithm);
        Assert.Equal(original.CertificateDer, imported.CertificateDer);
        Assert.True(VerificationKey.FromCertificate(original.CertificateDer).Verify(original.SignatureUri, Data, imported.Sign(Data)));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void a_pkcs8_export_imports_to_a_key_the_original_certificate_verifies(KeyAlgorithm algorithm)
    {
        var original = TestKeys.Participant(algorithm);
        var certificatePem = PemEncoding.WriteString("CERTIFICATE", original.CertificateDer);

        var privateKeyPem = original.ExportPkcs8Pem(Password);
        using var imported = SigningKey.FromPem(certificatePem, privateKeyPem, Password);

        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", privateKeyPem, StringComparison.Ordinal);
        Assert.Equal(algorithm, imported.Algorithm);
        Assert.True(VerificationKey.FromCertificate(original.CertificateDer).Verify(original.SignatureUri, Data, imported.Sign(Data)));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void a_wrong_password_is_refused(KeyAlgorithm algorithm)
    {
        var original = TestKeys.Participant(algorithm);
        var certificatePem = PemEncoding.WriteString("CERTIFICATE", original.CertificateDer);

        Assert.Throws<CryptographicException>(() => SigningKey.FromPkcs12(original.ExportPkcs12(Password), "wrong"));
        Assert.Throws<CryptographicException>(() => SigningKey.FromPem(certificatePem, original.ExportPkcs8Pem(Password), "wrong"));
        Assert.Throws<CryptographicException>(() => SigningKey.FromPem(certificatePem, original.ExportPkcs8Pem(Password)));
    }

    [Fact]
    public void a_private_key_offered_with_another_keys_certificate_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        using var otherEcdsa = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Other", NotBefore = now, NotAfter = now.AddDays(1),
        }.CreateAuthority();
        var ecdsaKey = TestKeys.Participant(KeyAlgorithm.EcdsaP256).ExportPkcs8Pem(Password);
        var gostKey = TestKeys.Participant(KeyAlgorithm.Gost2012_256).ExportPkcs8Pem(Password);

        var sameAlgorithm = Assert.Throws<CryptographicException>(
            () => SigningKey.FromPem(PemEncoding.WriteString("CERTIFICATE", otherEcdsa.CertificateDer), ecdsaKey, Password));
        var sameGostAlgorithm = Assert.Throws<CryptographicException>(
            () => SigningKey.FromPem(ForeignKeyFiles.Gost2012OnCryptoProCurve().CertificatePem, gostKey, Password));
        Assert.Throws<CryptographicException>(
            () => SigningKey.FromPem(PemEncoding.WriteString("CERTIFICATE", otherEcdsa.CertificateDer), gostKey, Password));

        Assert.Contains("does not belong", sameAlgorithm.Message, StringComparison.Ordinal);
        Assert.Contains("does not belong", sameGostAlgorithm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unencrypted_pkcs8_key_from_another_tool_loads()
    {
        var (certificatePem, privateKeyPem) = ForeignKeyFiles.Gost2012OnCryptoProCurve();

        using var key = SigningKey.FromPem(certificatePem, privateKeyPem);

        Assert.Equal(KeyAlgorithm.Gost2012_256, key.Algorithm);
        Assert.True(VerificationKey.FromCertificate(key.CertificateDer).Verify(key.SignatureUri, Data, key.Sign(Data)));
    }

    [Fact]
    public void a_gost_2012_key_on_a_cryptopro_curve_keeps_its_2012_oid_when_exported()
    {
        // BouncyCastle alone would write this key's PKCS#8 as GOST 2001 (1.2.643.2.2.19).
        var (certificatePem, privateKeyPem) = ForeignKeyFiles.Gost2012OnCryptoProCurve();
        using var key = SigningKey.FromPem(certificatePem, privateKeyPem);

        var exported = Pkcs8PrivateKeyInfo.DecryptAndDecode(Password, PemDer(key.ExportPkcs8Pem(Password)), out _);
        using var reimported = SigningKey.FromPkcs12(key.ExportPkcs12(Password), Password);

        Assert.Equal("1.2.643.7.1.1.1.1", exported.AlgorithmId.Value);
        Assert.True(VerificationKey.FromCertificate(key.CertificateDer).Verify(key.SignatureUri, Data, reimported.Sign(Data)));
    }

    [Fact]
    public void a_gost_pkcs12_written_by_bouncycastle_with_legacy_encryption_loads()
    {
        using var key = SigningKey.FromPkcs12(ForeignKeyFiles.Gost2012OnCryptoProCurvePkcs12(Password), Password);

        Assert.Equal(KeyAlgorithm.Gost2012_256, key.Algorithm);
        Assert.True(VerificationKey.FromCertificate(key.CertificateDer).Verify(key.SignatureUri, Data, key.Sign(Data)));
    }

    [Fact]
    public void a_gost_2001_key_is_refused_for_signing()
    {
        var (certificatePem, privateKeyPem) = ForeignKeyFiles.Gost2001();

        var error = Assert.Throws<CryptographicException>(() => SigningKey.FromPem(certificatePem, privateKeyPem));

        Assert.Contains("2001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_pkcs12_export_is_readable_by_dotnet_with_its_private_key()
    {
        var original = TestKeys.Participant(KeyAlgorithm.Rsa);

        using var loaded = X509CertificateLoader.LoadPkcs12(original.ExportPkcs12(Password), Password, X509KeyStorageFlags.EphemeralKeySet);

        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(original.CertificateDer, loaded.RawData);
    }

    private static byte[] PemDer(string pem)
    {
        var fields = PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}
