using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// PKCS#12 files holding one private key and its certificate (possibly with CA certificates beside it). .NET's
/// PKCS#12 reader opens the container for every algorithm: its certificate loader refuses GOST keys, but the structure
/// below it does not care, and BouncyCastle's Pkcs12Store cannot decrypt PBES2 bags under a non-ASCII password.
/// </summary>
internal static class Pkcs12Archive
{
    private const string LocalKeyIdOid = "1.2.840.113549.1.9.21";

    public static (KeyAlgorithm Algorithm, byte[] CertificateDer, IPrivateKey PrivateKey) Read(ReadOnlyMemory<byte> pkcs12, string password)
    {
        var info = Pkcs12Info.Decode(pkcs12, out _, skipCopy: true);
        if (info.IntegrityMode == Pkcs12IntegrityMode.PublicKey || (info.IntegrityMode == Pkcs12IntegrityMode.Password && !info.VerifyMac(password)))
        {
            throw new CryptographicException("Cannot read the PKCS#12 file: wrong password, damaged file, or public-key integrity.");
        }
        var keys = new List<Pkcs12SafeBag>();
        var certificates = new List<Pkcs12CertBag>();
        foreach (var contents in info.AuthenticatedSafe)
        {
            if (contents.ConfidentialityMode == Pkcs12ConfidentialityMode.Password)
            {
                contents.Decrypt(password);
            }
            foreach (var bag in contents.GetBags())
            {
                if (bag is Pkcs12ShroudedKeyBag or Pkcs12KeyBag)
                {
                    keys.Add(bag);
                }
                else if (bag is Pkcs12CertBag { IsX509Certificate: true } certificate)
                {
                    certificates.Add(certificate);
                }
            }
        }
        var key = keys.Count == 1
            ? keys[0]
            : throw new CryptographicException($"The PKCS#12 file holds {keys.Count} private keys; exactly one is expected.");
        var certificateDer = CertificateOf(key, certificates);
        var pkcs8 = key is Pkcs12ShroudedKeyBag shrouded
            ? Pkcs8PrivateKeyInfo.DecryptAndDecode(password, shrouded.EncryptedPkcs8PrivateKey, out _).Encode()
            : ((Pkcs12KeyBag)key).Pkcs8PrivateKey.ToArray();
        var (algorithm, privateKey) = PrivateKeys.ForCertificate(certificateDer, pkcs8);
        return (algorithm, certificateDer, privateKey);
    }

    public static byte[] Write(byte[] certificateDer, byte[] encryptedPkcs8, string password)
    {
        var localKeyId = new Pkcs9LocalKeyId(SHA256.HashData(certificateDer));
        var keyBag = new Pkcs12ShroudedKeyBag(encryptedPkcs8);
        keyBag.Attributes.Add(localKeyId);
        var keys = new Pkcs12SafeContents();
        keys.AddSafeBag(keyBag);

        var certificates = new Pkcs12SafeContents();
        using (var certificate = X509CertificateLoader.LoadCertificate(certificateDer))
        {
            certificates.AddCertificate(certificate).Attributes.Add(localKeyId);
        }

        var builder = new Pkcs12Builder();
        // The key bag is already encrypted; the certificate is public, so encrypting it would only add a KDF run.
        builder.AddSafeContentsUnencrypted(keys);
        builder.AddSafeContentsUnencrypted(certificates);
        builder.SealWithMac(password, HashAlgorithmName.SHA256, KeyFileProtection.Iterations);
        return builder.Encode();
    }

    // Readers pair a key with its certificate by the localKeyId attribute; a file with a single certificate may omit it.
    private static byte[] CertificateOf(Pkcs12SafeBag key, List<Pkcs12CertBag> certificates)
    {
        var keyId = LocalKeyId(key);
        var matching = keyId is null ? [] : certificates.Where(c => LocalKeyId(c)?.SequenceEqual(keyId) == true).ToList();
        var chosen = matching.Count == 1 ? matching[0]
            : certificates.Count == 1 ? certificates[0]
            : throw new CryptographicException("The PKCS#12 file does not say which certificate belongs to its private key.");
        using var certificate = chosen.GetCertificate();
        return certificate.RawData;
    }

    private static byte[]? LocalKeyId(Pkcs12SafeBag bag) =>
        bag.Attributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(attribute => attribute.Oid.Value == LocalKeyIdOid)?.Values is [var value, ..] ? value.RawData : null;
}
