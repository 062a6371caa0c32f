using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>GetStatusRequest</c>: take the next event of the caller's status stream.</summary>
/// <param name="TimestampElement">The signed <c>basic:Timestamp</c>.</param>
public sealed record GetStatusRequest(XmlElement TimestampElement, XmlElement? CallerSignature)
{
    public static GetStatusRequest Parse(XmlElement operation)
    {
        var timestamp = operation.RequiredChild(SmevNamespaces.Basic, "Timestamp");
        try
        {
            XmlConvert.ToDateTimeOffset(timestamp.InnerText);
        }
        catch (FormatException)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.InvalidStructure,
                $"Timestamp '{timestamp.InnerText}' is not an xs:dateTime."));
        }
        return new GetStatusRequest(timestamp, operation.OptionalChild(SmevNamespaces.Types, "CallerInformationSystemSignature"));
    }
}
