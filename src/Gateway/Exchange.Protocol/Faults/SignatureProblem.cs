namespace Exchange.Protocol.Faults;

/// <summary>The reasons SMEV's <c>SignatureVerificationFault</c> enumerates.</summary>
public enum SignatureProblem
{
    PoorSOAPEnvelopeFormat,
    NoSignatureFound,
    IncorrectSignatureTarget,
    SignatureIsInvalid,
    CertificateIsNotFound,
    CertificateIsExpired,
}
