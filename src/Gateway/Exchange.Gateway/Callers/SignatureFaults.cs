using Exchange.Protocol.Faults;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Callers;

/// <summary>Turns a refused signature into SMEV's <c>SignatureVerificationFault</c>, keeping our precise reason in the code.</summary>
internal static class SignatureFaults
{
    /// <param name="codePrefix">The fault code before the reason, e.g. <c>EXCHANGE-401-PERSONAL</c> for an officer's signature.</param>
    /// <param name="subject">Which signature was refused, put before the reason in the description; null for the caller's own.</param>
    public static SmevFaultException Refusal(SignatureException refusal, string codePrefix = "EXCHANGE-401", string? subject = null) =>
        new(SmevFault.SignatureVerification(Problem(refusal.Error), $"{codePrefix}-{refusal.Error}",
            subject is null ? refusal.Message : $"{subject}: {refusal.Message}"), refusal);

    private static SignatureProblem Problem(SignatureError error) => error switch
    {
        SignatureError.NoSignature => SignatureProblem.NoSignatureFound,
        SignatureError.ReferenceTargetNotFound or SignatureError.DuplicateId or SignatureError.IncorrectSignatureTarget
            => SignatureProblem.IncorrectSignatureTarget,
        SignatureError.DigestMismatch or SignatureError.SignatureInvalid => SignatureProblem.SignatureIsInvalid,
        SignatureError.CertificateExpired or SignatureError.CertificateNotYetValid => SignatureProblem.CertificateIsExpired,
        SignatureError.CertificateMissing or SignatureError.CertificateUnreadable or SignatureError.CertificateUntrusted
            or SignatureError.CertificateRevoked or SignatureError.CertificateKeyUsage or SignatureError.RevocationUnknown
            => SignatureProblem.CertificateIsNotFound,
        _ => SignatureProblem.PoorSOAPEnvelopeFormat,
    };
}
