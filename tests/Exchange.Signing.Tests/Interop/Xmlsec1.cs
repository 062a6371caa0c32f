namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// The xmlsec1 command line (libxmlsec1 with its OpenSSL backend). It resolves "#id" references only to attributes it is
/// told are IDs, hence <c>--id-attr:Id</c> with the signed element's local name.
/// </summary>
internal static class Xmlsec1
{
    /// <summary>
    /// Verifies the signature in <paramref name="document"/>, taking the key from the ds:X509Certificate in ds:KeyInfo and
    /// accepting it only when it chains to <paramref name="trustedAuthorityPem"/>.
    /// </summary>
    public static Task<ToolResult> VerifyAsync(
        ScratchDirectory scratch, string document, string idElement, string trustedAuthorityPem, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("xmlsec1",
            ["--verify", "--id-attr:Id", idElement, "--trusted-pem", trustedAuthorityPem, document], scratch.Path, cancellationToken);

    /// <summary>
    /// Fills the ds:Signature template in <paramref name="template"/> (DigestValue, SignatureValue, X509Data) with the
    /// PKCS#8 PEM key <paramref name="privateKeyPem"/> (encrypted with <paramref name="password"/>) and its certificate.
    /// </summary>
    /// <returns>The path of the signed document.</returns>
    public static async Task<string> SignAsync(
        ScratchDirectory scratch, string template, string idElement, string privateKeyPem, string certificatePem, string password,
        CancellationToken cancellationToken)
    {
        var signed = scratch["signed-by-xmlsec1.xml"];
        (await ExternalTool.RunAsync("xmlsec1",
            ["--sign", "--id-attr:Id", idElement, "--privkey-pem", $"{privateKeyPem},{certificatePem}", "--pwd", password, "--output", signed, template],
            scratch.Path, cancellationToken)).EnsureSucceeded();
        return signed;
    }
}
