using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// A PEM certificate plus a PEM PKCS#8 private key, "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY". .NET decrypts the
/// container for every algorithm (PBES2 passwords are UTF-8, as OpenSSL writes them).
/// </summary>
internal static class Pkcs8Pem
{
    public const string EncryptedLabel = "ENCRYPTED PRIVATE KEY";
    private const string PlainLabel = "PRIVATE KEY";

    public static (KeyAlgorithm Algorithm, byte[] CertificateDer, IPrivateKey PrivateKey) Read(
        string certificatePem, string privateKeyPem, string? password)
    {
        var certificateDer = Decode(certificatePem, out var certificateLabel);
        if (certificateLabel != "CERTIFICATE")
        {
            throw new CryptographicException($"Expected a CERTIFICATE PEM block, found '{certificateLabel}'.");
        }
        var (algorithm, privateKey) = PrivateKeys.ForCertificate(certificateDer, DecryptPrivateKeyInfo(privateKeyPem, password));
        return (algorithm, certificateDer, privateKey);
    }

    private static byte[] DecryptPrivateKeyInfo(string privateKeyPem, string? password)
    {
        var der = Decode(privateKeyPem, out var label);
        return label switch
        {
            PlainLabel => der,
            EncryptedLabel when password is null => throw new CryptographicException("The private key is encrypted and no password was given."),
            EncryptedLabel => Pkcs8PrivateKeyInfo.DecryptAndDecode(password, der, out _).Encode(),
            _ => throw new CryptographicException($"Expected a PKCS#8 private key PEM block, found '{label}'."),
        };
    }

    private static byte[] Decode(string pem, out string label)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new CryptographicException("No PEM block found.");
        }
        label = pem[fields.Label].ToString();
        return Convert.FromBase64String(pem[fields.Base64Data].ToString());
    }
}
