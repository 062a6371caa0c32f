using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Certificates;
using Exchange.Signing.Cms;
using Exchange.Signing.Keys;
using Exchange.Signing.Tests.Xml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Exchange.Signing.Tests.Keys;

/// <summary>
/// GOST keys on every parameter set the standards allow, made by <see cref="CertificateBuilder"/> with and without the
/// digest parameter set, work everywhere a key is read: signature verification, XMLDSig, the certificate chain, CMS and
/// key files. Keys on curves we cannot use are refused, saying why.
/// </summary>
public sealed class GostParameterSetTests
{
    private static readonly byte[] Data = "Exchange GOST parameter sets"u8.ToArray();
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Tc26_256_A = "1.2.643.7.1.2.1.1.1";
    private const string Tc26_512_A = "1.2.643.7.1.2.1.2.1";

    private static readonly (KeyAlgorithm Algorithm, string Curve)[] Curves =
    [
        (KeyAlgorithm.Gost2012_256, Tc26_256_A),
        (KeyAlgorithm.Gost2012_256, "1.2.643.7.1.2.1.1.2"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.7.1.2.1.1.3"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.7.1.2.1.1.4"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.2.2.35.1"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.2.2.35.2"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.2.2.35.3"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.2.2.36.0"),
        (KeyAlgorithm.Gost2012_256, "1.2.643.2.2.36.1"),
        (KeyAlgorithm.Gost2012_512, Tc26_512_A),
        (KeyAlgorithm.Gost2012_512, "1.2.643.7.1.2.1.2.2"),
        (KeyAlgorithm.Gost2012_512, "1.2.643.7.1.2.1.2.3"),
    ];

    public static TheoryData<KeyAlgorithm, string, bool> ParameterSets
    {
        get
        {
            var data = new TheoryData<KeyAlgorithm, string, bool>();
            foreach (var (algorithm, curve) in Curves)
            {
                data.Add(algorithm, curve, true);
                data.Add(algorithm, curve, false);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void a_key_on_the_parameter_set_is_written_as_asked_and_works_everywhere(KeyAlgorithm algorithm, string curve, bool namesDigest)
    {
        using var authority = Builder(algorithm, curve, namesDigest, "CN=Parameter set CA").CreateAuthority();
        using var participant = Builder(algorithm, curve, namesDigest, "CN=Parameter set participant").CreateIssuedBy(authority);

        var publicKey = ForeignCertificates.PublicKeyOf(participant.CertificateDer);
        var parameters = (Asn1Sequence)publicKey.Algorithm.Parameters;
        Assert.Equal(algorithm == KeyAlgorithm.Gost2012_512 ? "1.2.643.7.1.1.1.2" : "1.2.643.7.1.1.1.1", publicKey.Algorithm.Algorithm.Id);
        Assert.Equal(curve, ((DerObjectIdentifier)parameters[0]).Id);
        Assert.Equal(namesDigest ? 2 : 1, parameters.Count);

        var verifier = VerificationKey.FromCertificate(participant.CertificateDer);
        Assert.Equal(algorithm, verifier.Algorithm);
        Assert.True(verifier.Verify(participant.SignatureUri, Data, participant.Sign(Data)));
        Assert.Equal(participant.CertificateDer, new SignedDocument(participant).Reparsed().Verify().CertificateDer);
        new CertificateValidator(new TrustStore([authority.CertificateDer], [], requireCrl: false)).Validate(participant.CertificateDer, At);
        Assert.Equal(participant.CertificateDer, DetachedCmsVerifier.Verify(Data, DetachedCmsSigner.Sign(Data, participant)).CertificateDer);
        using var reloaded = SigningKey.FromPkcs12(participant.ExportPkcs12("секрет"), "секрет");
        Assert.True(verifier.Verify(reloaded.SignatureUri, Data, reloaded.Sign(Data)));
    }

    [Theory]
    [InlineData("1.2.643.7.1.2.1.1.9")]
    [InlineData("1.2.840.10045.3.1.7")]
    public void a_gost_key_on_a_curve_we_do_not_know_is_refused_naming_the_curve(string curve)
    {
        var certificate = WithParameters(new DerSequence(new DerObjectIdentifier(curve)));

        var refusal = Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate(certificate));

        Assert.Contains(curve, refusal.Message);
    }

    [Fact]
    public void a_256_bit_gost_key_that_names_a_512_bit_curve_is_refused()
    {
        var certificate = WithParameters(new DerSequence(new DerObjectIdentifier(Tc26_512_A)));

        var refusal = Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate(certificate));

        Assert.Contains("512-bit curve", refusal.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("empty")]
    [InlineData("integer")]
    public void gost_key_parameters_that_are_not_a_sequence_of_oids_are_refused(string parameters)
    {
        Asn1Encodable encoded = parameters switch
        {
            "null" => DerNull.Instance,
            "empty" => DerSequence.Empty,
            _ => new DerSequence(DerInteger.ValueOf(1)),
        };

        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate(WithParameters(encoded)));
    }

    [Fact]
    public void a_gost_point_off_its_curve_is_refused()
    {
        using var key = Builder(KeyAlgorithm.Gost2012_256, Tc26_256_A, namesDigest: false, "CN=Off the curve").CreateAuthority();
        var publicKey = ForeignCertificates.PublicKeyOf(key.CertificateDer);
        var point = Asn1OctetString.GetInstance(publicKey.ParsePublicKey()).GetOctets();
        point[^1] ^= 0x01;

        var certificate = ForeignCertificates.WithPublicKey(new SubjectPublicKeyInfo(publicKey.Algorithm, new DerOctetString(point)));

        Assert.Throws<CryptographicException>(() => VerificationKey.FromCertificate(certificate));
    }

    [Fact]
    public void the_builder_refuses_a_curve_of_the_other_size_an_unknown_one_and_gost_options_for_other_keys()
    {
        Assert.Throws<CryptographicException>(() => Builder(KeyAlgorithm.Gost2012_512, Tc26_256_A, true, "CN=Wrong size").CreateAuthority());
        Assert.Throws<CryptographicException>(() => Builder(KeyAlgorithm.Gost2012_256, "1.2.643.7.1.2.1.1.9", true, "CN=Unknown").CreateAuthority());
        Assert.Throws<InvalidOperationException>(() => Builder(KeyAlgorithm.Gost2012_256, "not an oid", true, "CN=Not an OID").CreateAuthority());
        Assert.Throws<InvalidOperationException>(() => Builder(KeyAlgorithm.EcdsaP256, Tc26_256_A, true, "CN=ECDSA").CreateAuthority());
    }

    private static CertificateBuilder Builder(KeyAlgorithm algorithm, string curve, bool namesDigest, string subject) => new()
    {
        Algorithm = algorithm, Subject = subject, NotBefore = NotBefore, NotAfter = NotAfter,
        GostParameterSet = curve, GostDigestParameterSet = namesDigest,
    };

    /// <summary>A valid TC26 256 paramSetA key whose parameters are replaced by <paramref name="parameters"/>.</summary>
    private static byte[] WithParameters(Asn1Encodable parameters)
    {
        using var key = Builder(KeyAlgorithm.Gost2012_256, Tc26_256_A, namesDigest: false, "CN=Altered parameters").CreateAuthority();
        return ForeignCertificates.WithPublicKey(ForeignCertificates.WithParameters(ForeignCertificates.PublicKeyOf(key.CertificateDer), parameters));
    }
}
