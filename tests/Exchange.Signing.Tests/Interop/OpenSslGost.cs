using System.Security.Cryptography;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// The openssl command line with the GOST engine (libengine-gost-openssl): Streebog digests, GOST R 34.10-2012 keys of
/// <paramref name="bits"/> (256 or 512), self-signed certificates, certification requests and raw signatures, all hashed
/// with the Streebog of the key's size. Its files live in the scratch directory it is given.
/// </summary>
internal sealed class OpenSslGost(ScratchDirectory scratch, int bits = 256)
{
    // Checked once per run; a missing engine must fail with the fix, not with "Unknown option md_gost12_256".
    private static volatile bool _engineAvailable;

    /// <summary>A GOST R 34.10-2012 key on paramset A (CryptoPro-A for 256 bits, TC26 A for 512), in OpenSSL's own PKCS#8 PEM.</summary>
    public Task<string> GenerateKeyAsync(CancellationToken cancellationToken) => GenerateKeyAsync("A", cancellationToken);

    /// <summary>
    /// A key on the engine's <paramref name="paramSet"/>: for 256 bits A, B, C (CryptoPro), XA, XB (CryptoPro exchange),
    /// TCA–TCD (TC26); for 512 bits A, B, C (TC26). The engine names the digest parameter set only for some of them.
    /// </summary>
    public async Task<string> GenerateKeyAsync(string paramSet, CancellationToken cancellationToken)
    {
        var key = scratch["openssl-gost-key.pem"];
        await RunAsync(["genpkey", "-engine", "gost", "-algorithm", $"gost2012_{bits}", "-pkeyopt", $"paramset:{paramSet}", "-out", key], cancellationToken);
        return key;
    }

    /// <returns>The path of a PEM PKCS#10 request for <paramref name="key"/>, signed with it.</returns>
    public async Task<string> CertificationRequestAsync(string key, string subject, CancellationToken cancellationToken)
    {
        var request = scratch["openssl-gost-request.pem"];
        await RunAsync(["req", "-new", "-engine", "gost", "-key", key, $"-md_gost12_{bits}", "-subj", subject, "-out", request], cancellationToken);
        return request;
    }

    /// <returns>The PEM certificate's path.</returns>
    public async Task<string> SelfSignedCertificateAsync(string key, CancellationToken cancellationToken)
    {
        var certificate = scratch["openssl-gost-certificate.pem"];
        await RunAsync(["req", "-x509", "-engine", "gost", "-key", key, $"-md_gost12_{bits}", "-subj", "/CN=OpenSSL GOST interop/O=Exchange/C=RU",
            "-days", "2", "-out", certificate], cancellationToken);
        return certificate;
    }

    /// <returns>The path of the PEM SubjectPublicKeyInfo taken from <paramref name="certificate"/>.</returns>
    public async Task<string> PublicKeyOfAsync(string certificate, CancellationToken cancellationToken)
    {
        var publicKey = scratch["public-key.pem"];
        await RunAsync(["x509", "-engine", "gost", "-in", certificate, "-pubkey", "-noout", "-out", publicKey], cancellationToken);
        return publicKey;
    }

    /// <summary>The raw signature OpenSSL writes for GOST R 34.10-2012 with the Streebog of the key's size over the file's bytes.</summary>
    public async Task<byte[]> SignAsync(string key, string data, CancellationToken cancellationToken)
    {
        var signature = scratch["openssl-signature.bin"];
        await RunAsync(["dgst", "-engine", "gost", $"-md_gost12_{bits}", "-sign", key, "-out", signature, data], cancellationToken);
        return await File.ReadAllBytesAsync(signature, cancellationToken);
    }

    /// <summary>Exit code 0 and "Verified OK" when the signature is valid, 1 and "Verification failure" when not.</summary>
    public async Task<ToolResult> VerifyAsync(string publicKey, string signature, string data, CancellationToken cancellationToken)
    {
        await EnsureEngineAsync(cancellationToken);
        return await ExternalTool.RunAsync("openssl",
            ["dgst", "-engine", "gost", $"-md_gost12_{bits}", "-verify", publicKey, "-signature", signature, data], scratch.Path, cancellationToken);
    }

    /// <summary>The Streebog hash of the file's bytes, exactly as <c>openssl dgst -binary</c> writes it.</summary>
    public async Task<byte[]> DigestAsync(int bits, string data, CancellationToken cancellationToken)
    {
        var digest = scratch[$"streebog-{bits}.bin"];
        await RunAsync(["dgst", "-engine", "gost", $"-md_gost12_{bits}", "-binary", "-out", digest, data], cancellationToken);
        return await File.ReadAllBytesAsync(digest, cancellationToken);
    }

    /// <summary>The DER bytes of a PEM certificate file.</summary>
    public static byte[] CertificateDer(string certificatePem)
    {
        var text = File.ReadAllText(certificatePem);
        var fields = PemEncoding.Find(text);
        Assert.Equal("CERTIFICATE", text[fields.Label]);
        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await EnsureEngineAsync(cancellationToken);
        (await ExternalTool.RunAsync("openssl", arguments, scratch.Path, cancellationToken)).EnsureSucceeded();
    }

    private async Task EnsureEngineAsync(CancellationToken cancellationToken)
    {
        if (_engineAvailable)
        {
            return;
        }
        var probe = await ExternalTool.RunAsync("openssl", ["engine", "-t", "gost"], scratch.Path, cancellationToken);
        if (!probe.Succeeded || !probe.StandardOutput.Contains("[ available ]", StringComparison.Ordinal))
        {
            Assert.Fail($"OpenSSL's GOST engine does not load: {ExternalTool.InstallHint}.\n{probe}");
        }
        _engineAvailable = true;
    }
}
