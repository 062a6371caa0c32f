using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>GetMessageStatusRequest</c> (our extension): which message the caller asks about.</summary>
/// <param name="ReferenceElement">The <c>MessageReference</c> element the caller's signature must cover.</param>
public sealed record GetMessageStatusRequest(XmlElement ReferenceElement, Guid MessageId, XmlElement? CallerSignature)
{
    public const string OperationName = "GetMessageStatus";

    public static GetMessageStatusRequest Parse(XmlElement operation)
    {
        var reference = operation.RequiredChild(ExchangeNamespaces.MessageStatus, "MessageReference");
        return new GetMessageStatusRequest(
            reference,
            MessageIds.Parse(reference.InnerText.Trim()),
            operation.OptionalChild(ExchangeNamespaces.MessageStatus, "CallerInformationSystemSignature"));
    }
}
