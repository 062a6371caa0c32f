using System.Collections.Concurrent;
using System.Security.Cryptography;
using Exchange.Signing.Keys.Internal;
using Exchange.Signing.Xml;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using SignatureException = Exchange.Signing.Xml.SignatureException;

namespace Exchange.Signing.Certificates;

/// <summary>
/// Decides whether a signer's certificate is trusted at a moment: it must be within its validity period, allow
/// digital signatures, chain to a certificate of the <see cref="TrustStore"/> through valid CA certificates, and not
/// be revoked by its issuer's CRL. Each refusal is a <see cref="SignatureException"/> with its own error.
/// </summary>
public sealed class CertificateValidator(TrustStore trust)
{
    private volatile TrustStore _trust = trust;

    // A chain and its CRLs do not change from one call to the next, while checking them costs two signature
    // verifications (GOST ones at ~1.5 ms each): a certificate found trusted is trusted again, without the checks,
    // for a minute after it was checked and never past its own expiry.
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset CheckedAt, DateTimeOffset NotAfter)> _recentlyTrusted = new();

    private const int MaxChainLength = 5;
    private const int DigitalSignature = 0;
    private const int NonRepudiation = 1;
    private const int KeyCertSign = 5;

    /// <summary>
    /// Trusts what <paramref name="replacement"/> holds from now on (a CA's new CRL, say). Certificates checked under the
    /// old store are checked again, so a certificate the new CRL revokes is refused from the next call.
    /// </summary>
    public void Replace(TrustStore replacement)
    {
        _trust = replacement;
        _recentlyTrusted.Clear();
    }

    public void Validate(byte[] certificateDer, DateTimeOffset at)
    {
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificateDer));
        if (_recentlyTrusted.TryGetValue(thumbprint, out var trusted)
            && at >= trusted.CheckedAt && at < trusted.CheckedAt + RecheckAfter && at <= trusted.NotAfter)
        {
            return;
        }
        // One store for the whole check, and remembered only if it is still the one in force: a check that overlapped a
        // Replace must not put back a certificate the new CRL revokes.
        var store = _trust;
        var certificate = ValidateChain(certificateDer, at, store);
        if (_recentlyTrusted.Count >= MaxRemembered)
        {
            _recentlyTrusted.Clear();
        }
        _recentlyTrusted[thumbprint] = (at, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        if (!ReferenceEquals(store, _trust))
        {
            _recentlyTrusted.TryRemove(thumbprint, out _);
        }
    }

    private static X509Certificate ValidateChain(byte[] certificateDer, DateTimeOffset at, TrustStore store)
    {
        X509Certificate certificate;
        try
        {
            certificate = new X509CertificateParser().ReadCertificate(certificateDer)
                ?? throw new CertificateException("no certificate in the data");
        }
        catch (Exception e) when (e is CertificateException or IOException or ArgumentException)
        {
            throw new SignatureException(SignatureError.CertificateUnreadable, $"The certificate cannot be read: {e.Message}", e);
        }

        CheckValidity(certificate, at, "The signer's certificate");
        var usage = certificate.GetKeyUsage();
        if (usage is not null && !usage[DigitalSignature] && !usage[NonRepudiation])
        {
            throw new SignatureException(SignatureError.CertificateKeyUsage,
                $"Certificate {certificate.SubjectDN} does not allow digital signatures (key usage).");
        }

        // A certificate the trust store holds (the CA itself, or a pinned certificate) ends the chain.
        var current = certificate;
        for (var length = 0; length < MaxChainLength; length++)
        {
            if (store.Certificates.Any(anchor => anchor.Equals(current)))
            {
                return certificate;
            }
            var issuer = FindIssuer(current, store)
                ?? throw new SignatureException(SignatureError.CertificateUntrusted,
                    $"Certificate {current.SubjectDN} is not issued by any certificate the gateway trusts (issuer {current.IssuerDN}).");
            CheckValidity(issuer, at, "The issuing CA's certificate");
            if (issuer.GetBasicConstraints() < 0 || issuer.GetKeyUsage() is { } issuerUsage && !issuerUsage[KeyCertSign])
            {
                throw new SignatureException(SignatureError.CertificateUntrusted, $"{issuer.SubjectDN} is not a CA certificate.");
            }
            CheckRevocation(current, issuer, at, store);
            current = issuer;
        }
        throw new SignatureException(SignatureError.CertificateUntrusted, $"The chain of {certificate.SubjectDN} is longer than {MaxChainLength}.");
    }

    private static void CheckValidity(X509Certificate certificate, DateTimeOffset at, string what)
    {
        if (at.UtcDateTime < certificate.NotBefore.ToUniversalTime())
        {
            throw new SignatureException(SignatureError.CertificateNotYetValid,
                $"{what} {certificate.SubjectDN} is valid only from {certificate.NotBefore:O}.");
        }
        if (at.UtcDateTime > certificate.NotAfter.ToUniversalTime())
        {
            throw new SignatureException(SignatureError.CertificateExpired,
                $"{what} {certificate.SubjectDN} expired at {certificate.NotAfter:O}.");
        }
    }

    private static void CheckRevocation(X509Certificate certificate, X509Certificate issuer, DateTimeOffset at, TrustStore store)
    {
        var crl = store.Crls.FirstOrDefault(c => c.IssuerDN.Equivalent(issuer.SubjectDN) && SignedBy(c, issuer));
        if (crl is null)
        {
            if (store.RequireCrl)
            {
                throw new SignatureException(SignatureError.RevocationUnknown, $"No CRL of {issuer.SubjectDN} is loaded, so revocation cannot be ruled out.");
            }
            return;
        }
        if (crl.NextUpdate is { } next && at.UtcDateTime > next.ToUniversalTime())
        {
            throw new SignatureException(SignatureError.RevocationUnknown, $"The CRL of {issuer.SubjectDN} expired at {next:O}.");
        }
        if (crl.GetRevokedCertificate(certificate.SerialNumber) is { } revoked && revoked.RevocationDate.ToUniversalTime() <= at.UtcDateTime)
        {
            throw new SignatureException(SignatureError.CertificateRevoked,
                $"Certificate {certificate.SubjectDN} (serial {certificate.SerialNumber:X}) was revoked at {revoked.RevocationDate:O}.");
        }
    }

    private static X509Certificate? FindIssuer(X509Certificate certificate, TrustStore store) =>
        store.Certificates.FirstOrDefault(candidate => candidate.SubjectDN.Equivalent(certificate.IssuerDN) && SignedBy(certificate, candidate));

    private static bool SignedBy(X509Certificate certificate, X509Certificate issuer) => Verifies(certificate.Verify, issuer);

    private static bool SignedBy(X509Crl crl, X509Certificate issuer) => Verifies(crl.Verify, issuer);

    private static bool Verifies(Action<AsymmetricKeyParameter> verify, X509Certificate issuer)
    {
        try
        {
            // BouncyCastle's own reader would refuse GOST keys without a digest parameter set.
            verify(GostPublicKeys.ForBouncyCastle(issuer.CertificateStructure.SubjectPublicKeyInfo));
            return true;
        }
        catch (Exception e) when (e is InvalidKeyException or Org.BouncyCastle.Security.SignatureException
                                   or CertificateException or CrlException or SecurityUtilityException or CryptographicException)
        {
            return false;
        }
    }
}
