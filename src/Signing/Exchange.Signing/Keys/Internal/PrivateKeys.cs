using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// Turns a decrypted PKCS#8 PrivateKeyInfo into a signing key for a certificate. The certificate decides the algorithm;
/// RSA and ECDSA keys go to .NET, GOST keys to BouncyCastle (the GOST 2001-labelled PKCS#8 that BouncyCastle-based
/// tools write for 2012 keys on CryptoPro curves included).
/// </summary>
internal static class PrivateKeys
{
    public static (KeyAlgorithm Algorithm, IPrivateKey PrivateKey) ForCertificate(byte[] certificateDer, byte[] pkcs8)
    {
        var publicKeyInfo = Parsing.Guard(() => new X509CertificateParser().ReadCertificate(certificateDer), "Unreadable certificate.")
            ?.CertificateStructure.SubjectPublicKeyInfo
            ?? throw new CryptographicException("Unreadable certificate.");
        var algorithm = SubjectKeyAlgorithms.Of(publicKeyInfo);
        SigningKey.EnsureCanSign(algorithm);
        switch (algorithm)
        {
            case KeyAlgorithm.Rsa:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return (algorithm, new RsaPrivateKey(rsa));
            case KeyAlgorithm.EcdsaP256:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return (algorithm, new EcdsaPrivateKey(ecdsa));
            default:
                return (algorithm, GostPrivateKey.FromPkcs8(pkcs8, algorithm, publicKeyInfo));
        }
    }
}
