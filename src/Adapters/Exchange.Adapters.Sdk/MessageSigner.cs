using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exchange.Adapters.Sdk;

/// <summary>Who signed a received message's data: the certificate of the sender's verified signature.</summary>
public sealed class MessageSigner
{
    private MessageSigner(byte[] certificate, string thumbprint, string subject)
    {
        Certificate = certificate;
        Thumbprint = thumbprint;
        Subject = subject;
    }

    /// <summary>The signer's certificate, DER.</summary>
    public byte[] Certificate { get; }

    /// <summary>SHA-256 of <see cref="Certificate"/> in upper-case hex, as the gateway's directory registers certificates.</summary>
    public string Thumbprint { get; }

    /// <summary>The certificate's subject distinguished name.</summary>
    public string Subject { get; }

    internal static MessageSigner FromCertificate(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return new MessageSigner(der, Convert.ToHexString(SHA256.HashData(der)), certificate.Subject);
    }
}
