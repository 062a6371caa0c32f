namespace Exchange.Signing.Xml;

/// <summary>
/// Why a signature was refused. The names are stable: the gateway reports them in faults and logs, and
/// operators and senders match on them.
/// </summary>
public enum SignatureError
{
    /// <summary>The holder element has no ds:Signature.</summary>
    NoSignature,

    /// <summary>The ds:Signature is not shaped as XMLDSig and our profile require.</summary>
    MalformedSignature,

    UnsupportedCanonicalization,
    UnsupportedSignatureAlgorithm,
    UnsupportedDigestAlgorithm,

    /// <summary>A transform outside the allowed set (XPath, XSLT, enveloped, anything unknown), or too many.</summary>
    TransformNotAllowed,

    /// <summary>The reference is not a same-document <c>#id</c> reference, or there is not exactly one.</summary>
    ReferenceNotAllowed,

    /// <summary>No element carries the referenced id.</summary>
    ReferenceTargetNotFound,

    /// <summary>More than one element carries the referenced id.</summary>
    DuplicateId,

    /// <summary>The signature covers some element, but not the one the message is processed from (signature wrapping).</summary>
    IncorrectSignatureTarget,

    DigestMismatch,
    SignatureInvalid,

    /// <summary>ds:KeyInfo does not carry exactly one X.509 certificate.</summary>
    CertificateMissing,
    CertificateUnreadable,
    CertificateNotYetValid,
    CertificateExpired,
    CertificateUntrusted,
    CertificateRevoked,
    CertificateKeyUsage,

    /// <summary>The issuer's CRL is missing, expired or not signed by the issuer, so revocation cannot be ruled out.</summary>
    RevocationUnknown,

    /// <summary>The signed document is over the configured limits.</summary>
    LimitExceeded,
}
