using System.Security.Cryptography;
using System.Xml;
using Exchange.Gateway.Storage.Directory;
using Exchange.Protocol.Faults;
using Exchange.Signing.Certificates;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>
/// Establishes who made a call: the <c>CallerInformationSystemSignature</c> must verify over exactly the element the
/// operation processes, its certificate must be trusted now, and that certificate must be registered to a participant
/// ("определяется по владельцу сертификата").
/// </summary>
public sealed class CallerVerifier(ParticipantDirectory directory, CertificateValidator certificates, TimeProvider time)
{
    public async Task<Participant> VerifyAsync(XmlElement? signatureHolder, XmlElement signedElement, CancellationToken cancellationToken)
    {
        if (signatureHolder is null)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.NoSignatureFound, FaultCodes.NoCallerSignature,
                $"CallerInformationSystemSignature over '{signedElement.LocalName}' is required."));
        }

        var now = time.GetUtcNow();
        byte[] certificate;
        try
        {
            certificate = XmlSignatureVerifier.Verify(signatureHolder, signedElement).CertificateDer;
            certificates.Validate(certificate, now);
        }
        catch (SignatureException refusal)
        {
            throw new SmevFaultException(SignatureFaults.From(refusal), refusal);
        }

        var thumbprint = Thumbprint(certificate);
        var found = await directory.FindByCertificateAsync(thumbprint, cancellationToken)
            ?? throw new SmevFaultException(SmevFault.SenderIsNotRegistered(
                $"No information system is registered with the certificate whose SHA-256 thumbprint is {thumbprint}."));
        if (now < found.Certificate.NotBefore || now > found.Certificate.NotAfter)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.CertificateIsExpired, FaultCodes.UnknownCertificate,
                $"Certificate {thumbprint} of {found.Participant.Mnemonic} is registered for {found.Certificate.NotBefore:O} to {found.Certificate.NotAfter:O}."));
        }
        return found.Participant;
    }

    public static string Thumbprint(byte[] certificateDer) => Convert.ToHexString(SHA256.HashData(certificateDer));
}
