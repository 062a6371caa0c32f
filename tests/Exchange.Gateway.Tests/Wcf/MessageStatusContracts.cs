using System.ServiceModel;
using System.Xml.Serialization;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests.Wcf;

// Our status lookup extension, as svcutil would write it from message-status-1.0.wsdl (?wsdl=message-status).

[ServiceContract(Namespace = "urn://exchange.region/services/message-status/service/1.0", Name = "ExchangeMessageStatusPortType")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IExchangeMessageStatus
{
    [OperationContract(Action = "urn:GetMessageStatus", ReplyAction = "*")]
    Task<GetMessageStatusResponseMessage> GetMessageStatusAsync(GetMessageStatusRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetMessageStatusRequestMessage
{
    [MessageBodyMember(Namespace = ExchangeNamespaces.MessageStatus, Order = 0)]
    public GetMessageStatusRequest GetMessageStatusRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetMessageStatusResponseMessage
{
    [MessageBodyMember(Namespace = ExchangeNamespaces.MessageStatus, Order = 0)]
    public GetMessageStatusResponse? GetMessageStatusResponse { get; set; }
}

[XmlType(AnonymousType = true, Namespace = ExchangeNamespaces.MessageStatus)]
public sealed class GetMessageStatusRequest
{
    [XmlElement(Order = 0)]
    public MessageReference MessageReference { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = ExchangeNamespaces.MessageStatus)]
[XmlRoot(Namespace = ExchangeNamespaces.MessageStatus)]
public sealed class MessageReference
{
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
    [XmlText] public string? Value { get; set; }
}

[XmlType(AnonymousType = true, Namespace = ExchangeNamespaces.MessageStatus)]
public sealed class GetMessageStatusResponse
{
    [XmlElement(Order = 0)]
    public MessageStatus? MessageStatus { get; set; }
}

[XmlType(Namespace = ExchangeNamespaces.MessageStatus)]
public sealed class MessageStatus
{
    [XmlElement(Order = 0)] public string? MessageId { get; set; }
    [XmlElement(Order = 1)] public string? Sender { get; set; }
    [XmlElement(Order = 2)] public string? Recipient { get; set; }
    [XmlElement(Order = 3)] public string? Status { get; set; }
    [XmlElement(Order = 4)] public DateTime StatusChangeTimestamp { get; set; }
    [XmlElement(Order = 5)] public string? InteractionStatus { get; set; }
    [XmlElement("StatusChange", Order = 6)] public List<StatusChange> History { get; set; } = [];
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(Namespace = ExchangeNamespaces.MessageStatus)]
public sealed class StatusChange
{
    [XmlElement(Order = 0)] public string? Status { get; set; }
    [XmlElement(Order = 1)] public DateTime At { get; set; }
    [XmlElement(Order = 2)] public string? Actor { get; set; }
    [XmlElement(Order = 3)] public string? Reason { get; set; }
}
