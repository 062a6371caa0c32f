using Exchange.Protocol.Faults;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>Turns a refused signature into SMEV's <c>SignatureVerificationFault</c>, keeping our precise reason in the code.</summary>
internal static class SignatureFaults
{
    public static SmevFault From(SignatureException refusal) =>
        SmevFault.SignatureVerification(Problem(refusal.Error), $"EXCHANGE-401-{refusal.Error}", refusal.Message);

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
