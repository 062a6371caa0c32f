namespace Exchange.Adapters.Sdk.Faults;

/// <summary>
/// The gateway refused a call with a SOAP fault. Subclasses say what kind of refusal it is, so an adapter can decide
/// what to do: fix and send a new message, stop resending, or retry later.
/// </summary>
public class ExchangeFaultException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : Exception($"{element}: {faultString}")
{
    /// <summary>The SMEV fault element, e.g. <c>SenderIsNotRegistered</c>.</summary>
    public string Element { get; } = element;

    /// <summary><c>soap:Client</c> or <c>soap:Server</c>.</summary>
    public string FaultCode { get; } = faultCode;

    public string FaultString { get; } = faultString;

    /// <summary>The gateway's stable code: the part of <c>faultstring</c> before the first colon.</summary>
    public string Code => FaultString.Split(':', 2)[0];

    /// <summary>What the fault's detail lists: validation errors, or the signature problem.</summary>
    public IReadOnlyList<string> Details { get; } = details;

    /// <summary>True when sending the same message again later may succeed.</summary>
    public virtual bool IsRetryable => false;
}

/// <summary><c>SignatureVerificationFault</c>: fix the signature or certificate, then send again.</summary>
public sealed class ExchangeSignatureFaultException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details);

/// <summary><c>InvalidContent</c>: the envelope or the business document is wrong; <see cref="ExchangeFaultException.Details"/> says where.</summary>
public sealed class ExchangeInvalidContentException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details);

/// <summary>Who or what the message is for, or who sends it, is not known or not allowed.</summary>
public sealed class ExchangeRoutingFaultException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details);

/// <summary>The MessageID is malformed, stale, or already used (<see cref="IsAlreadySent"/>: stop resending).</summary>
public sealed class ExchangeMessageIdFaultException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details)
{
    public bool IsAlreadySent => Element == "MessageIsAlreadySent";
}

/// <summary>The gateway could not take the call now (<c>SMEVFailure</c>, <c>DestinationOverflow</c>): retry later.</summary>
public sealed class ExchangeUnavailableException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details)
{
    public override bool IsRetryable => true;
}

/// <summary>
/// The attachments are too large for one message (<c>AttachmentSizeLimitExceeded</c>) or for what is left of the sender's
/// daily quota (<c>QuoteLimitExceeded</c>); <see cref="ExchangeFaultException.Details"/> holds the sizes in bytes
/// (permitted or remaining, then the size sent).
/// </summary>
public sealed class ExchangeAttachmentLimitException(string element, string faultCode, string faultString, IReadOnlyList<string> details)
    : ExchangeFaultException(element, faultCode, faultString, details)
{
    public bool IsQuota => Element == "QuoteLimitExceeded";
}
