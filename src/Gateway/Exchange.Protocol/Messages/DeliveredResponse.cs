using System.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A response as the gateway hands it to the requester in <c>GetResponseResponse</c>.</summary>
/// <param name="ResponseDataXml">The responder's <c>SenderProvidedResponseData</c>, as stored on acceptance.</param>
/// <param name="OriginalMessageId">The request this answers.</param>
public sealed record DeliveredResponse(string ResponseDataXml, Guid OriginalMessageId, MessageMetadata Metadata) : DeliveredMessage(Metadata)
{
    public override MessageKind Queue => MessageKind.Response;

    internal override void WriteContent(XmlWriter writer)
    {
        writer.WriteElementString("OriginalMessageId", SmevNamespaces.Types, OriginalMessageId.ToString());
        StoredFragment.Write(writer, ResponseDataXml);
        Metadata.Write(writer, id: null);
    }
}
