using System.ServiceModel;
using System.Xml.Serialization;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests.Wcf;

// SendResponse and GetResponse, as svcutil would write them from the SMEV 1.3 WSDL (see SmevContracts.cs).

[MessageContract(IsWrapped = false)]
public sealed class SendResponseRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public SendResponseRequest SendResponseRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class SendResponseResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public SendResponseResponse? SendResponseResponse { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetResponseRequestMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetResponseRequest GetResponseRequest { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetResponseResponseMessage
{
    [MessageBodyMember(Namespace = SmevNamespaces.Types, Order = 0)]
    public GetResponseResponse? GetResponseResponse { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class SendResponseRequest
{
    [XmlElement(Order = 0)]
    public SenderProvidedResponseData SenderProvidedResponseData { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
[XmlRoot(Namespace = SmevNamespaces.Types)]
public sealed class SenderProvidedResponseData
{
    [XmlElement(Order = 0)] public string MessageID { get; set; } = "";
    [XmlElement(Order = 1)] public string To { get; set; } = "";
    [XmlElement(Order = 2, Namespace = SmevNamespaces.Basic)] public MessagePrimaryContent? MessagePrimaryContent { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class SendResponseResponse
{
    [XmlElement(Order = 0)]
    public MessageMetadata? MessageMetadata { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetResponseRequest
{
    [XmlElement(Order = 0, Namespace = SmevNamespaces.Basic)]
    public MessageTypeSelector MessageTypeSelector { get; set; } = new();

    [XmlElement(Order = 1)]
    public XmlDsigSignature? CallerInformationSystemSignature { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class GetResponseResponse
{
    [XmlElement(Order = 0)]
    public ResponseMessage? ResponseMessage { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class ResponseMessage
{
    [XmlElement(Order = 0)]
    public Response? Response { get; set; }
}

[XmlType(AnonymousType = true, Namespace = SmevNamespaces.Types)]
public sealed class Response
{
    [XmlElement(Order = 0)] public string? OriginalMessageId { get; set; }
    [XmlElement(Order = 1)] public SenderProvidedResponseData? SenderProvidedResponseData { get; set; }
    [XmlElement(Order = 2)] public MessageMetadata? MessageMetadata { get; set; }
    [XmlAttribute(DataType = "ID")] public string? Id { get; set; }
}
