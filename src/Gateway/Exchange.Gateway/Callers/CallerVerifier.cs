using System.Security.Cryptography;
using System.Xml;
using Exchange.Gateway.Directory;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Signing.Certificates;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Callers;

/// <summary>
/// Establishes who made a call: the <c>CallerInformationSystemSignature</c> must verify over exactly the element the
/// operation processes, its certificate must be trusted now, and that certificate must be registered to a participant
/// ("определяется по владельцу сертификата").
/// </summary>
public sealed class CallerVerifier(DirectoryCache directory, CertificateValidator certificates, ReplayGuard replays, TimeProvider time)
{
    public Caller Verify(XmlElement? signatureHolder, XmlElement signedElement) =>
        VerifySignatureAndCaller(signatureHolder, signedElement).Caller;

    /// <summary>
    /// For a call whose signed data has no MessageID: as <see cref="Verify"/>, and the call must be fresh and not seen
    /// before (<see cref="ReplayGuard"/>).
    /// </summary>
    /// <param name="timestamp">The signed Timestamp, read from inside <paramref name="signedElement"/>.</param>
    public async Task<Caller> VerifyOnceAsync(XmlElement? signatureHolder, XmlElement signedElement, DateTimeOffset timestamp,
        CancellationToken cancellationToken)
    {
        var (caller, signature) = VerifySignatureAndCaller(signatureHolder, signedElement);
        await replays.AdmitOnceAsync(caller.System.Mnemonic, signature.ContentDigest, timestamp, cancellationToken);
        return caller;
    }

    private (Caller Caller, VerifiedSignature Signature) VerifySignatureAndCaller(XmlElement? signatureHolder, XmlElement signedElement)
    {
        if (signatureHolder is null)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.NoSignatureFound, FaultCodes.NoCallerSignature,
                $"CallerInformationSystemSignature over '{signedElement.LocalName}' is required."));
        }

        var now = time.GetUtcNow();
        var signature = VerifiedSignature(signatureHolder, signedElement, now);
        var thumbprint = Thumbprint(signature.CertificateDer);
        var (registered, system, participant) = directory.Current.Certificate(thumbprint)
            ?? throw new SmevFaultException(SmevFault.SenderIsNotRegistered(
                $"No information system is registered with the certificate whose SHA-256 thumbprint is {thumbprint}."));
        if (!registered.IsActive || !system.IsActive || !participant.IsActive)
        {
            var retired = !registered.IsActive ? $"certificate {thumbprint}" : !system.IsActive ? $"information system {system.Mnemonic}" : $"participant {participant.Mnemonic}";
            throw new SmevFaultException(SmevFault.SenderIsNotRegistered($"The {retired} is retired from the directory."));
        }
        if (!registered.IsValidAt(now))
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.CertificateIsExpired, FaultCodes.UnknownCertificate,
                $"Certificate {thumbprint} of {system.Mnemonic} is registered for {registered.NotBefore:O} to {registered.NotAfter:O}."));
        }
        return (new Caller(participant, system), signature);
    }

    /// <summary>
    /// Checks the sender's <c>RoutingSignature</c>: made by the same information system as the caller's signature,
    /// over routing instructions that name this message — so routing can neither be forged nor moved to another message.
    /// </summary>
    public void VerifyRouting(RoutingInstructions routing, Caller caller, Guid messageId)
    {
        if (routing.Signature is null)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.NoSignatureFound, FaultCodes.NoCallerSignature,
                "Routing needs a RoutingSignature over RoutingInformation."));
        }
        var thumbprint = Thumbprint(VerifiedSignature(routing.Signature, routing.Information, time.GetUtcNow()).CertificateDer);
        if (directory.Current.Certificate(thumbprint)?.System.Mnemonic != caller.System.Mnemonic)
        {
            throw new SmevFaultException(SmevFault.SignatureVerification(SignatureProblem.SignatureIsInvalid, FaultCodes.RoutingSigner,
                $"RoutingSignature is not made by {caller.System.Mnemonic}, the system that signed the request."));
        }
        if (routing.MessageId != messageId)
        {
            throw SmevFaultException.InvalidStructure(
                $"RoutingInformation names MessageID {routing.MessageId}, not the request's {messageId}.");
        }
    }

    private VerifiedSignature VerifiedSignature(XmlElement signatureHolder, XmlElement signedElement, DateTimeOffset now)
    {
        try
        {
            var signature = XmlSignatureVerifier.Verify(signatureHolder, signedElement);
            certificates.Validate(signature.CertificateDer, now);
            return signature;
        }
        catch (SignatureException refusal)
        {
            throw SignatureFaults.Refusal(refusal);
        }
    }

    public static string Thumbprint(byte[] certificateDer) => Convert.ToHexString(SHA256.HashData(certificateDer));
}
