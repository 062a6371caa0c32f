using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests.Wcf;

// A WCF client contract written the way svcutil writes one from the SMEV 1.3 WSDL (document/literal,
// XmlSerializer, bare message contracts), with every operation and the elements the tests use. WcfContractTests
// holds it against the WSDL the gateway serves, so the two cannot drift apart unnoticed.

[ServiceContract(Namespace = SmevNamespaces.Service, Name = "SMEVMessageExchangePortType")]
[XmlSerializerFormat(SupportFaults = true)]
public interface ISmevMessageExchange
{
    [OperationContract(Action = "urn:SendRequest", ReplyAction = "*")]
    Task<SendRequestResponseMessage> SendRequestAsync(SendRequestRequestMessage request);

    [OperationContract(Action = "urn:GetRequest", ReplyAction = "*")]
    Task<GetRequestResponseMessage> GetRequestAsync(GetRequestRequestMessage request);

    [OperationContract(Action = "urn:SendResponse", ReplyAction = "*")]
    Task<SendResponseResponseMessage> SendResponseAsync(SendResponseRequestMessage request);

    [OperationContract(Action = "urn:GetResponse", ReplyAction = "*")]
    Task<GetResponseResponseMessage> GetResponseAsync(GetResponseRequestMessage request);

    [OperationContract(Action = "urn:GetStatus", ReplyAction = "*")]
    Task<GetStatusResponseMessage> GetStatusAsync(GetStatusRequestMessage request);

    [OperationContract(Action = "urn:Ack", ReplyAction = "*")]
    Task<AckResponseMessage> AckAsync(AckRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class SendRequestRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public SendRequestRequest SendRequestRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class SendRequestResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public SendRequestResponse? SendRequestResponse { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetRequestRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetRequestRequest GetRequestRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetRequestResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetRequestResponse? GetRequestResponse { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class AckRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public AckRequest AckRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class AckResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public AckResponse? AckResponse { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class SendRequestRequest
{
    [XmlElement(Order = 0)]
    public SenderProvidedRequestData SenderProvidedRequestData { get; set; } = new();

    [XmlArray(Order = 1, Namespace = SmevNamespaces.Basic)]
    [XmlArrayItem("AttachmentContent", IsNullable = false)]
    public AttachmentContent[]? AttachmentContentList { get; set; }

    [XmlElement(Order = 2)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
[XmlRoot(Namespace = SmevNamespaces.Types)]
public sealed class SenderProvidedRequestData
{
    [XmlElement(Order = 0)]
    public string MessageID { get; set; } = "";

    [XmlElement(Order = 1, Namespace = SmevNamespaces.Basic)]
    public MessagePrimaryContent MessagePrimaryContent { get; set; } = new();

    [XmlArray(Order = 2, Namespace = SmevNamespaces.Basic)]
    [XmlArrayItem("AttachmentHeader", IsNullable = false)]
    public AttachmentHeader[]? AttachmentHeaderList { get; set; }

    [XmlElement(Order = 3)]
    public Void? TestMessage { get; set; }

    [XmlAttribute(DataType = "ID")]
    public string? Id { get; set; }
}

[XmlType(Namespace = SmevNamespaces.Basic)]
public sealed class AttachmentHeader
{
    [XmlElement("contentId", Order = 0)] public string ContentId { get; set; } = "";
    [XmlElement(Order = 1)] public string MimeType { get; set; } = "";
}

[XmlType(Namespace = SmevNamespaces.Basic)]
public sealed class AttachmentContent
{
    [XmlElement(Order = 0, DataType = "ID")] public string Id { get; set; } = "";
    [XmlElement(Order = 1, DataType = "base64Binary")] public byte[] Content { get; set; } = [];
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Basic)]
public sealed class MessagePrimaryContent
{
    [XmlAnyElement]
    public XmlElement? Any { get; set; }
}

[XmlType(Namespace = SmevNamespaces.Basic)]
public sealed class Void;

[XmlType(Namespace = SmevNamespaces.Basic)]
public sealed class XmlDsigSignature
{
    [XmlAnyElement(Namespace = SmevNamespaces.XmlDsig)]
    public XmlElement? Any { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class SendRequestResponse
{
    [XmlElement(Order = 0)]
    public MessageMetadata? MessageMetadata { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class MessageMetadata
{
    [XmlElement(Order = 0)] public string? MessageId { get; set; }
    [XmlElement(Order = 1)] public string? MessageType { get; set; }
    [XmlElement(Order = 2)] public PartyInfo? Sender { get; set; }
    [XmlElement(Order = 3)] public DateTime SendingTimestamp { get; set; }
    [XmlElement(Order = 4)] public PartyInfo? Recipient { get; set; }
    [XmlElement(Order = 5)] public DateTime? DeliveryTimestamp { get; set; }
    [XmlElement(Order = 6)] public string? Status { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class PartyInfo
{
    [XmlElement(Order = 0)] public string? Mnemonic { get; set; }
    [XmlElement(Order = 1)] public string? HumanReadableName { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetRequestRequest
{
    [XmlElement(Order = 0, Namespace = SmevNamespaces.Basic)]
    public MessageTypeSelector MessageTypeSelector { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Basic)]
[XmlRoot(Namespace = SmevNamespaces.Basic)]
public sealed class MessageTypeSelector
{
    [XmlElement(Order = 0)] public DateTime Timestamp { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetRequestResponse
{
    [XmlElement(Order = 0)]
    public RequestMessage? RequestMessage { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class RequestMessage
{
    [XmlElement(Order = 0)]
    public Request? Request { get; set; }

    [XmlArray(Order = 1, Namespace = SmevNamespaces.Basic)]
    [XmlArrayItem("AttachmentContent", IsNullable = false)]
    public AttachmentContent[]? AttachmentContentList { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class Request
{
    [XmlElement(Order = 0)] public SenderProvidedRequestData? SenderProvidedRequestData { get; set; }
    [XmlElement(Order = 1)] public MessageMetadata? MessageMetadata { get; set; }
    [XmlElement(Order = 2)] public string? ReplyTo { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class AckRequest
{
    [XmlElement(Order = 0, Namespace = SmevNamespaces.Basic)]
    public AckTargetMessage AckTargetMessage { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Basic)]
[XmlRoot(Namespace = SmevNamespaces.Basic)]
public sealed class AckTargetMessage
{
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
    [XmlAttribute("accepted")] public bool Accepted { get; set; } = true;
    [XmlText] public string? Value { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class AckResponse;
