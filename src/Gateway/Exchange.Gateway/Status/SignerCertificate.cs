using System.Security.Cryptography.X509Certificates;
using Exchange.Gateway.Callers;
using Exchange.Protocol.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Status;

/// <summary>
/// The certificate a sender signed its message with, read from the kept signature (verified when the message was
/// accepted) for people to look at: names as the directory shows them, the directory's thumbprint, the algorithm by name.
/// </summary>
/// <param name="Thumbprint">Upper-case hex of the SHA-256 of the DER, as the directory names certificates.</param>
public sealed record SignerCertificate(string Subject, string Issuer, string Thumbprint, string Algorithm, DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    public bool IsValidAt(DateTimeOffset at) => at >= NotBefore && at <= NotAfter;

    /// <exception cref="SignatureException">The kept XML is no signature with one certificate.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Its certificate cannot be read.</exception>
    public static SignerCertificate Of(string keptSignature)
    {
        // Stored XML from outside: loaded like any other (no DTD, bounded).
        var signature = SafeXmlLoader.Load(keptSignature, XmlLimits.Default).DocumentElement!;
        var signer = SignatureReader.Signer(signature);
        using var certificate = X509CertificateLoader.LoadCertificate(signer.CertificateDer);
        return new SignerCertificate(certificate.Subject, certificate.Issuer, CallerVerifier.Thumbprint(signer.CertificateDer),
            AlgorithmNames.Of(signer.SignatureMethod), certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
    }
}
