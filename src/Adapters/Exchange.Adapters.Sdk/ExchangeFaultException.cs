namespace Exchange.Adapters.Sdk;

/// <summary>The gateway refused a call with a SOAP fault.</summary>
/// <param name="Element">The SMEV fault element, e.g. <c>SenderIsNotRegistered</c>.</param>
public sealed class ExchangeFaultException(string element, string faultCode, string faultString)
    : Exception($"{element}: {faultString}")
{
    public string Element { get; } = element;

    /// <summary><c>soap:Client</c> or <c>soap:Server</c>.</summary>
    public string FaultCode { get; } = faultCode;

    public string FaultString { get; } = faultString;

    /// <summary>The gateway's stable code: the part of <c>faultstring</c> before the first colon.</summary>
    public string Code => FaultString.Split(':', 2)[0];
}
