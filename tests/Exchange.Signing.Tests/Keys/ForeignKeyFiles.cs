using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using System.Security.Cryptography;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// Key files as other tools write them, made with plain BouncyCastle: GOST keys on the CryptoPro-A curve, the curve real
/// certificates use (SMEV's own 2012 certificate puts its 2012 key on it). The PKCS#8 comes from BouncyCastle's own
/// PrivateKeyInfoFactory, unencrypted; the PKCS#12 from its Pkcs12Store with its default (legacy 3DES / RC2-40) encryption.
/// </summary>
internal static class ForeignKeyFiles
{
    public static (string CertificatePem, string PrivateKeyPem) Gost2001() =>
        Pem(Create(CryptoProObjectIdentifiers.GostR3410x2001, CryptoProObjectIdentifiers.GostR3411x94CryptoProParamSet, "GOST3411WITHECGOST3410"));

    public static (string CertificatePem, string PrivateKeyPem) Gost2012OnCryptoProCurve() => Pem(Gost2012());

    public static byte[] Gost2012OnCryptoProCurvePkcs12(string password)
    {
        var (certificate, privateKey) = Gost2012();
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("key", new AsymmetricKeyEntry(privateKey), [new X509CertificateEntry(certificate)]);
        using var output = new MemoryStream();
        store.Save(output, password.ToCharArray(), new SecureRandom());
        return output.ToArray();
    }

    private static (X509Certificate, AsymmetricKeyParameter) Gost2012() =>
        Create(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256, RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256,
            "GOST3411-2012-256WITHECGOST3410-2012-256");

    private static (string, string) Pem((X509Certificate Certificate, AsymmetricKeyParameter PrivateKey) pair) =>
        (PemEncoding.WriteString("CERTIFICATE", pair.Certificate.GetEncoded()),
            PemEncoding.WriteString("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.PrivateKey).GetEncoded()));

    private static (X509Certificate, AsymmetricKeyParameter) Create(
        DerObjectIdentifier keyAlgorithm, DerObjectIdentifier digest, string signatureAlgorithm)
    {
        var curve = CryptoProObjectIdentifiers.GostR3410x2001CryptoProA;
        var domain = new ECGost3410Parameters(
            new ECNamedDomainParameters(curve, ECGost3410NamedCurves.GetByOid(curve)), curve, digest, encryptionParamSet: null);
        var generator = new ECKeyPairGenerator("ECGOST3410");
        generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();

        // BouncyCastle labels every key on a CryptoPro curve as GOST 2001; the key algorithm OID is set by hand.
        var written = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public);
        var publicKey = new SubjectPublicKeyInfo(new AlgorithmIdentifier(keyAlgorithm, written.Algorithm.Parameters), written.PublicKey);

        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.ValueOf(2001));
        certificate.SetIssuerDN(new X509Name("CN=Foreign GOST"));
        certificate.SetSubjectDN(new X509Name("CN=Foreign GOST"));
        certificate.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        certificate.SetNotAfter(DateTime.UtcNow.AddDays(1));
        certificate.SetSubjectPublicKeyInfo(publicKey);
        return (certificate.Generate(new Asn1SignatureFactory(signatureAlgorithm, pair.Private)), pair.Private);
    }
}
