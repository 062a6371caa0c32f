using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Cms;
using Exchange.Signing.Tests.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Attachment signatures (detached CMS) against <c>openssl cms</c>: what OpenSSL signs we verify, what we sign OpenSSL
/// verifies, with RSA and, through the GOST engine, GOST R 34.10-2012 with Streebog.
/// </summary>
public sealed class OpenSslCmsTests
{
    private static readonly byte[] File = "Attachment bytes signed by another implementation"u8.ToArray();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_detached_rsa_signature_made_by_openssl_verifies_and_fails_on_changed_bytes()
    {
        using var scratch = new ScratchDirectory();
        var key = TestKeys.Participant(KeyAlgorithm.Rsa);
        var (certificate, privateKey) = WritePem(scratch, key);
        var signature = scratch["file.p7s"];
        (await OpenSsl(scratch, ["cms", "-sign", "-binary", "-in", scratch.Write("file.bin", File), "-signer", certificate, "-inkey", privateKey,
            "-passin", "pass:test", "-md", "sha256", "-outform", "DER", "-out", signature])).EnsureSucceeded();
        var bytes = await System.IO.File.ReadAllBytesAsync(signature, Token);

        Assert.Equal(key.CertificateDer, DetachedCmsVerifier.Verify(File, bytes).CertificateDer);
        Assert.Equal(SignatureError.DigestMismatch,
            Assert.Throws<SignatureException>(() => DetachedCmsVerifier.Verify("changed"u8.ToArray(), bytes)).Error);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa, "")]
    [InlineData(KeyAlgorithm.Gost2012_256, "gost")]
    public async Task openssl_verifies_our_detached_signature(KeyAlgorithm algorithm, string engine)
    {
        using var scratch = new ScratchDirectory();
        var key = TestKeys.Participant(algorithm);
        var (certificate, _) = WritePem(scratch, key);
        var signature = scratch.Write("file.p7s", DetachedCmsSigner.Sign(File, key));
        string[] engineArguments = engine.Length > 0 ? ["-engine", engine] : [];

        var result = await OpenSsl(scratch, ["cms", "-verify", .. engineArguments, "-binary", "-inform", "DER", "-in", signature,
            "-content", scratch.Write("file.bin", File), "-noverify", "-certfile", certificate, "-out", scratch["out.bin"]]);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("Verification successful", result.StandardError, StringComparison.Ordinal);
    }

    private static (string Certificate, string PrivateKey) WritePem(ScratchDirectory scratch, Exchange.Signing.Keys.SigningKey key) =>
        (scratch.Write("signer.pem", PemEncoding.WriteString("CERTIFICATE", key.CertificateDer)),
         scratch.Write("signer.key", key.ExportPkcs8Pem("test")));

    private static Task<ToolResult> OpenSsl(ScratchDirectory scratch, IReadOnlyList<string> arguments) =>
        ExternalTool.RunAsync("openssl", arguments, scratch.Path, Token);
}
