using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;

namespace Exchange.Signing.Tests.Keys;

public sealed class SigningRoundTripTests
{
    private static readonly byte[] Data = "<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">пример</ds:SignedInfo>"u8.ToArray();

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void a_signature_verifies_with_the_certificate(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);

        var verifier = VerificationKey.FromCertificate(key.CertificateDer);

        Assert.Equal(algorithm, verifier.Algorithm);
        Assert.Equal(key.SignatureUri, verifier.SignatureUri);
        Assert.True(verifier.Verify(key.SignatureUri, Data, key.Sign(Data)));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void tampered_data_or_signature_fails(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);
        var verifier = VerificationKey.FromCertificate(key.CertificateDer);
        var signature = key.Sign(Data);
        var data = (byte[])Data.Clone();
        data[^1] ^= 0x01;
        var tampered = (byte[])signature.Clone();
        tampered[tampered.Length / 2] ^= 0x80;

        Assert.False(verifier.Verify(key.SignatureUri, data, signature));
        Assert.False(verifier.Verify(key.SignatureUri, Data, tampered));
        Assert.False(verifier.Verify(key.SignatureUri, Data, signature.AsSpan(0, signature.Length - 1)));
        Assert.False(verifier.Verify(key.SignatureUri, Data, []));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void a_signature_under_another_algorithm_uri_fails(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);
        var verifier = VerificationKey.FromCertificate(key.CertificateDer);
        var signature = key.Sign(Data);

        string[] others =
        [
            AlgorithmUris.Gost2012_256Signature, AlgorithmUris.Gost2012_512Signature, AlgorithmUris.Gost2001Signature,
            AlgorithmUris.RsaSha256, AlgorithmUris.EcdsaSha256, AlgorithmUris.Sha256, key.DigestUri, "urn:unknown",
        ];
        Assert.All(others.Where(uri => uri != key.SignatureUri), uri => Assert.False(verifier.Verify(uri, Data, signature)));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public void the_key_emits_the_expected_uris(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);

        var expected = algorithm switch
        {
            KeyAlgorithm.Gost2012_256 => (AlgorithmUris.Gost2012_256Signature, AlgorithmUris.Gost2012_256Digest, 64),
            KeyAlgorithm.Gost2012_512 => (AlgorithmUris.Gost2012_512Signature, AlgorithmUris.Gost2012_512Digest, 128),
            KeyAlgorithm.Rsa => (AlgorithmUris.RsaSha256, AlgorithmUris.Sha256, 256),
            _ => (AlgorithmUris.EcdsaSha256, AlgorithmUris.Sha256, 64),
        };
        Assert.Equal(expected, (key.SignatureUri, key.DigestUri, key.Sign(Data).Length));
    }

    [Fact]
    public void gost_signatures_differ_each_time_but_all_verify()
    {
        var key = TestKeys.Participant(KeyAlgorithm.Gost2012_256);
        var verifier = VerificationKey.FromCertificate(key.CertificateDer);

        var first = key.Sign(Data);
        var second = key.Sign(Data);

        Assert.NotEqual(first, second);
        Assert.True(verifier.Verify(key.SignatureUri, Data, first));
        Assert.True(verifier.Verify(key.SignatureUri, Data, second));
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms.All), MemberType = typeof(SigningAlgorithms))]
    public async Task one_key_signs_and_verifies_from_many_threads_at_once(KeyAlgorithm algorithm)
    {
        var key = TestKeys.Participant(algorithm);
        var verifier = VerificationKey.FromCertificate(key.CertificateDer);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                var data = BitConverter.GetBytes(worker * 1000 + i);
                if (!verifier.Verify(key.SignatureUri, data, key.Sign(data)))
                {
                    return false;
                }
            }
            return true;
        }, TestContext.Current.CancellationToken)));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void a_disposed_key_refuses_to_sign()
    {
        var now = DateTimeOffset.UtcNow;
        var key = new CertificateBuilder
        {
            Algorithm = KeyAlgorithm.EcdsaP256, Subject = "CN=Short-lived", NotBefore = now, NotAfter = now.AddHours(1),
        }.CreateAuthority();

        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.Sign(Data));
    }

    [Fact]
    public void certificate_der_is_a_copy_the_caller_cannot_change_the_key_through()
    {
        var key = TestKeys.Participant(KeyAlgorithm.EcdsaP256);

        key.CertificateDer[0] ^= 0xFF;

        Assert.Equal(0x30, key.CertificateDer[0]);
    }
}
