using System.Xml;

namespace Exchange.Bench.Crypto;

/// <summary>A SendRequestRequest-shaped document with a business text of a given size, and the small elements SMEV signs.</summary>
internal static class CryptoEnvelope
{
    private const string Types = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3";
    private const string Basic = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.3";

    /// <summary>The request data (signed by the sender, later inside the gateway's signed Request), with its holder.</summary>
    public static (XmlElement Target, XmlElement Holder) RequestData(int contentBytes) => Build($"""
        <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER" xmlns:ns="{Types}" xmlns:b="{Basic}">
          <ns:MessageID>133b4229-6340-11ec-ba07-fa163e24a723</ns:MessageID>
          <b:MessagePrimaryContent><a:Appeal xmlns:a="urn://exchange.region/appeal/1.0"><a:Text>{new string('ж', contentBytes / 2)}</a:Text></a:Appeal></b:MessagePrimaryContent>
        </ns:SenderProvidedRequestData>
        """);

    /// <summary>A small signed element: a MessageTypeSelector, AckTargetMessage or MessageMetadata.</summary>
    public static (XmlElement Target, XmlElement Holder) Small() => Build($"""
        <b:MessageTypeSelector Id="SIGNED_BY_CALLER" xmlns:b="{Basic}"><b:Timestamp>2026-11-25T10:00:00+03:00</b:Timestamp></b:MessageTypeSelector>
        """);

    private static (XmlElement Target, XmlElement Holder) Build(string target)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml($"<Envelope>{target}<CallerInformationSystemSignature/></Envelope>");
        var elements = document.DocumentElement!.ChildNodes.OfType<XmlElement>().ToList();
        return (elements[0], elements[1]);
    }
}
