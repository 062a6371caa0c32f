using System.ServiceModel;
using System.Xml.Serialization;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests.Wcf;

// GetStatus, as svcutil would write it from the SMEV 1.3 WSDL (see SmevContracts.cs).

[MessageContract(IsWrapped = false)]
public sealed class GetStatusRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetStatusRequest GetStatusRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetStatusResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetStatusResponse? GetStatusResponse { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetStatusRequest
{
    [XmlElement(Order = 0, Namespace = SmevNamespaces.Basic)]
    public Timestamp Timestamp { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Basic)]
[XmlRoot(Namespace = SmevNamespaces.Basic)]
public sealed class Timestamp
{
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
    [XmlText] public DateTime Value { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetStatusResponse
{
    [XmlElement(Order = 0)]
    public SmevAsyncProcessingMessage? SmevAsyncProcessingMessage { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class SmevAsyncProcessingMessage
{
    [XmlElement(Order = 0)]
    public AsyncProcessingStatusData? AsyncProcessingStatusData { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class AsyncProcessingStatusData
{
    [XmlElement(Order = 0)] public AsyncProcessingStatus? AsyncProcessingStatus { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class AsyncProcessingStatus
{
    [XmlElement(Order = 0)] public string? OriginalMessageId { get; set; }
    [XmlElement(Order = 1)] public string? StatusCategory { get; set; }
    [XmlElement(Order = 2)] public string? StatusDetails { get; set; }
}
