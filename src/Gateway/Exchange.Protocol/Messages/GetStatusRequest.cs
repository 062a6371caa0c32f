using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A parsed <c>GetStatusRequest</c>: take the next event of the caller's status stream.</summary>
/// <param name="TimestampElement">The signed <c>basic:Timestamp</c>.</param>
/// <param name="Timestamp">Its value: when the caller says it made the call.</param>
public sealed record GetStatusRequest(XmlElement TimestampElement, DateTimeOffset Timestamp, XmlElement? CallerSignature)
{
    public static GetStatusRequest Parse(XmlElement operation)
    {
        var timestamp = operation.RequiredChild(SmevNamespaces.Basic, "Timestamp");
        return new GetStatusRequest(timestamp, SignedTimestamp.Parse(timestamp.InnerText),
            operation.OptionalChild(SmevNamespaces.Types, "CallerInformationSystemSignature"));
    }
}
