using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Exchange.Gateway.Storage.Directory;
using Exchange.Protocol;
using Exchange.Protocol.Faults;

namespace Exchange.Gateway.Operations;

/// <summary>
/// Finds which participant's information system made a call, from the certificate in its
/// <c>CallerInformationSystemSignature</c>, as SMEV does ("определяется по владельцу сертификата").
/// The signature value itself is verified by the signing library once it lands (issue 4); until then this
/// establishes identity, not proof.
/// </summary>
public sealed class CallerIdentifier(ParticipantDirectory directory, TimeProvider time)
{
    public async Task<Participant> IdentifyAsync(XmlElement? callerSignature, CancellationToken cancellationToken)
    {
        var certificateText = callerSignature?
            .GetElementsByTagName("X509Certificate", SmevNamespaces.XmlDsig)
            .OfType<XmlElement>()
            .FirstOrDefault()?.InnerText;
        if (certificateText is null)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.NoSignatureFound,
                FaultCodes.NoCallerSignature,
                "CallerInformationSystemSignature with ds:KeyInfo/ds:X509Data/ds:X509Certificate is required."));
        }

        var thumbprint = Thumbprint(certificateText);
        var found = await directory.FindByCertificateAsync(thumbprint, cancellationToken)
            ?? throw new SmevFaultException(SmevFault.SenderIsNotRegistered(
                $"No information system is registered with the certificate whose SHA-256 thumbprint is {thumbprint}."));

        var now = time.GetUtcNow();
        if (now < found.Certificate.NotBefore || now > found.Certificate.NotAfter)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.CertificateIsExpired,
                FaultCodes.UnknownCertificate,
                $"Certificate {thumbprint} of {found.Participant.Mnemonic} is valid from {found.Certificate.NotBefore:O} to {found.Certificate.NotAfter:O}."));
        }
        return found.Participant;
    }

    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static string Thumbprint(string base64Certificate)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64Certificate.Trim()));
            return Thumbprint(certificate);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.CertificateIsNotFound,
                FaultCodes.UnknownCertificate, "ds:X509Certificate does not hold a DER certificate in Base64."), e);
        }
    }
}
