using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>
/// A parsed <c>GetRequestRequest</c> or <c>GetResponseRequest</c>: take the next message of the caller's request or
/// response queue, of the selected type when the selector names one.
/// </summary>
public sealed record GetMessageRequest(XmlElement SelectorElement, MessageTypeSelector Selector, XmlElement? CallerSignature)
{
    public static GetMessageRequest Parse(XmlElement operation)
    {
        var selector = operation.RequiredChild(SmevNamespaces.Basic, "MessageTypeSelector");
        return new GetMessageRequest(
            selector,
            MessageTypeSelector.Parse(selector),
            operation.OptionalChild(SmevNamespaces.Types, "CallerInformationSystemSignature"));
    }
}
