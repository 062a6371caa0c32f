using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Adapters.Sdk.Faults;

/// <summary>Turns a SOAP fault from the gateway into the exception of its kind.</summary>
internal static class FaultReader
{
    public static ExchangeFaultException Read(XmlElement fault)
    {
        var detail = fault.ChildElements().FirstOrDefault(e => e.LocalName == "detail")?.ChildElements().FirstOrDefault();
        var element = detail?.LocalName ?? "Unknown";
        var code = fault.ChildElements().FirstOrDefault(e => e.LocalName == "faultcode")?.InnerText ?? "";
        var text = fault.ChildElements().FirstOrDefault(e => e.LocalName == "faultstring")?.InnerText ?? "";
        var details = detail?.ChildElements()
            .Where(e => e.LocalName is "ValidationError" or "SignatureVerificationFault" or "PermittedTotalAttachmentSize"
                or "RemainedTotalQuoteSize" or "RealTotalAttachmentSize")
            .Select(e => e.InnerText)
            .ToList() ?? [];
        return element switch
        {
            "SignatureVerificationFault" => new ExchangeSignatureFaultException(element, code, text, details),
            "InvalidContent" or "AttachmentContentMiscoordination" or "TransactionCodeInvalid"
                => new ExchangeInvalidContentException(element, code, text, details),
            "SenderIsNotRegistered" or "RecipientIsNotFound" or "BusinessDataTypeIsNotSupported" or "UnknownMessageType" or "AccessDenied"
                or "PersonalAccessDenied" or "RequestIsNotFound" or "TargetMessageIsNotFound"
                => new ExchangeRoutingFaultException(element, code, text, details),
            "InvalidMessageIdFormat" or "StaleMessageId" or "MessageIsAlreadySent"
                => new ExchangeMessageIdFaultException(element, code, text, details),
            "AttachmentSizeLimitExceeded" or "QuoteLimitExceeded" => new ExchangeAttachmentLimitException(element, code, text, details),
            "SMEVFailure" or "DestinationOverflow" => new ExchangeUnavailableException(element, code, text, details),
            _ => new ExchangeFaultException(element, code, text, details),
        };
    }
}
