using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Pkcs;

namespace Exchange.Signing.Keys.Internal;

/// <summary>PKCS#10 certification requests from participants who make their own keys.</summary>
internal static class CertificationRequests
{
    /// <summary>
    /// The request's subject and key, once its signature verifies with that key (so its sender holds the private key)
    /// and the key is one the gateway can verify signatures with and may certify now.
    /// </summary>
    /// <exception cref="CryptographicException">Otherwise; the message says which.</exception>
    public static CertificationRequestInfo ReadVerified(ReadOnlySpan<byte> der)
    {
        var bytes = der.ToArray();
        var request = Parsing.Guard(() => new Pkcs10CertificationRequest(bytes), "The bytes are not a PKCS#10 certification request (DER).");
        var info = request.GetCertificationRequestInfo();
        var usable = VerificationKey.FromPublicKeyInfo(info.SubjectPublicKeyInfo);
        SigningKey.EnsureCanSign(usable.Algorithm);
        var key = GostPublicKeys.ForBouncyCastle(info.SubjectPublicKeyInfo);
        if (!Parsing.Guard(() => request.Verify(key), "The request's signature cannot be checked."))
        {
            throw new CryptographicException(
                "The request's signature does not verify with the key it asks to certify: it was altered, or its sender does not hold the private key.");
        }
        return info;
    }
}
