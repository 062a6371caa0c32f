using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Tests.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// OpenSSL's GOST engine checks the SignatureValue of a document we signed, over the canonical ds:SignedInfo, with the
/// public key it extracts from our certificate itself.
/// </summary>
public sealed class OpenSslVerifiesGostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task openssl_verifies_the_signature_value_we_made()
    {
        var result = await VerifiedByOpenSsl(signatureValue => signatureValue);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("Verified OK", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignatureDistortion.Reversed)]
    [InlineData(SignatureDistortion.HalvesSwapped)]
    [InlineData(SignatureDistortion.BitFlipped)]
    public async Task openssl_refuses_our_signature_value_in_any_other_byte_order_or_with_a_flipped_bit(SignatureDistortion distortion)
    {
        var result = await VerifiedByOpenSsl(signatureValue => GostSignatureLayout.Distorted(signatureValue, distortion));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Verification failure", result.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<ToolResult> VerifiedByOpenSsl(Func<byte[], byte[]> alter)
    {
        var key = TestKeys.Participant(KeyAlgorithm.Gost2012_256);
        var document = new SignedDocument(key);
        var signatureValue = Convert.FromBase64String(document.Signature("SignatureValue").InnerText);

        using var scratch = new ScratchDirectory();
        var openSsl = new OpenSslGost(scratch);
        var certificate = scratch.Write("our-certificate.pem", PemEncoding.WriteString("CERTIFICATE", key.CertificateDer));
        return await openSsl.VerifyAsync(
            await openSsl.PublicKeyOfAsync(certificate, Token),
            scratch.Write("signature.bin", alter(GostSignatureLayout.ToOpenSsl(signatureValue))),
            scratch.Write("signed-info.bin", CanonicalSignedInfo.Of(document.Signature("Signature"))),
            Token);
    }
}
