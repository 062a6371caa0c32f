using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>AckRequest</c>: the caller confirms it took a message it was given.</summary>
/// <param name="Accepted">
/// False when the recipient refused the gateway's signature and ignored the message; either way the message is
/// not handed out again.
/// </param>
public sealed record AckRequest(XmlElement TargetElement, Guid TargetMessageId, bool Accepted, XmlElement? CallerSignature)
{
    public static AckRequest Parse(XmlElement operation)
    {
        var target = operation.RequiredChild(SmevNamespaces.Basic, "AckTargetMessage");
        var accepted = target.GetAttribute("accepted") switch
        {
            "" or "true" or "1" => true,
            "false" or "0" => false,
            var other => throw SmevFaultException.InvalidStructure($"AckTargetMessage/@accepted must be an xs:boolean, not '{other}'."),
        };
        return new AckRequest(
            target,
            MessageIds.Parse(target.InnerText.Trim()),
            accepted,
            operation.OptionalChild(SmevNamespaces.Types, "CallerInformationSystemSignature"));
    }

    public static void WriteResponse(XmlWriter writer)
    {
        writer.WriteStartElement("ns2", "AckResponse", SmevNamespaces.Types);
        writer.WriteEndElement();
    }
}
