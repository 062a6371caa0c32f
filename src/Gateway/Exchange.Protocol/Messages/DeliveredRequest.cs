using System.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>A request as the gateway hands it to its recipient in <c>GetRequestResponse</c>.</summary>
/// <param name="RequestDataXml">The sender's <c>SenderProvidedRequestData</c>, as stored on acceptance.</param>
/// <param name="ReplyTo">Opaque address the recipient copies into <c>To</c> when it answers.</param>
public sealed record DeliveredRequest(string RequestDataXml, MessageMetadata Metadata, string ReplyTo) : DeliveredMessage(Metadata)
{
    public override MessageKind Queue => MessageKind.Request;

    internal override void WriteContent(XmlWriter writer)
    {
        StoredFragment.Write(writer, RequestDataXml);
        Metadata.Write(writer, id: null);
        writer.WriteElementString("ReplyTo", SmevNamespaces.Types, ReplyTo);
    }
}
