using System.Security.Cryptography;
using Exchange.Signing.Keys;

namespace Exchange.Cli;

/// <summary>Certificate files as operators have them, PEM or DER, read into the DER the gateway hashes and stores.</summary>
internal static class CertificateFiles
{
    /// <param name="mustBeUsable">Also refuse a certificate whose key the gateway cannot verify signatures with.</param>
    /// <exception cref="CommandFailedException">The file is no certificate, or its key is unusable; the message names the file.</exception>
    public static byte[] Read(string path, bool mustBeUsable)
    {
        var der = Decode(path, File.ReadAllBytes(path), "CERTIFICATE");
        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new CommandFailedException($"{path} is not an X.509 certificate: {e.Message}");
        }
        if (mustBeUsable)
        {
            _ = UsableKey(path, der);
        }
        return der;
    }

    /// <summary>The key of the certificate as the gateway's verifier reads it.</summary>
    /// <exception cref="CommandFailedException">A key the gateway cannot use; the message names the file and says why.</exception>
    public static VerificationKey UsableKey(string path, byte[] der)
    {
        try
        {
            return VerificationKey.FromCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new CommandFailedException($"{path}: the gateway cannot verify signatures with this certificate's key: {e.Message}");
        }
    }

    /// <summary>The DER inside a PEM block labelled <paramref name="label"/>, or the bytes themselves when they are not PEM.</summary>
    public static byte[] Decode(string path, byte[] bytes, params string[] label)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return bytes;
        }
        if (!PemEncoding.TryFind(text, out var fields) || !label.Contains(text[fields.Label]))
        {
            throw new CommandFailedException($"{path} holds no PEM block labelled {string.Join(" or ", label)}.");
        }
        try
        {
            return Convert.FromBase64String(text[fields.Base64Data]);
        }
        catch (FormatException e)
        {
            throw new CommandFailedException($"{path}: the PEM block is damaged: {e.Message}");
        }
    }
}
