using System.Xml;
using Exchange.Protocol;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests;

/// <summary>Hand-written envelopes signed the way a caller signs them, for tests that must control every byte.</summary>
public static class RawEnvelopes
{
    public static string Envelope(string body) =>
        $"""<soap:Envelope xmlns:soap="{SmevNamespaces.Soap11}"><soap:Body>{body}</soap:Body></soap:Envelope>""";

    /// <summary>
    /// Signs the element with the given Id into the envelope's empty <c>CallerInformationSystemSignature</c> (of SMEV's
    /// namespace or an extension's).
    /// </summary>
    public static string SignedAsCaller(string envelope, SigningKey key, string id = "SIGNED_BY_CALLER")
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(envelope);
        var target = (XmlElement)document.SelectSingleNode($"//*[@Id='{id}']")!;
        var holder = (XmlElement)document.SelectSingleNode("//*[local-name()='CallerInformationSystemSignature']")!;
        holder.AppendChild(XmlSigner.Sign(target, key));
        return document.OuterXml;
    }

    /// <summary>A signed GetRequest or GetResponse (<paramref name="queue"/>) of any type.</summary>
    public static string GetMessage(SigningKey key, DateTimeOffset timestamp, string queue = "Request") => SignedAsCaller(Envelope($"""
        <ns:Get{queue}Request xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
          <b:MessageTypeSelector Id="SIGNED_BY_CALLER"><b:Timestamp>{XmlConvert.ToString(timestamp)}</b:Timestamp></b:MessageTypeSelector>
          <ns:CallerInformationSystemSignature/>
        </ns:Get{queue}Request>
        """), key);

    /// <summary>A signed SendRequest of the test appeal type with attachment headers (signed) and contents (not signed).</summary>
    /// <param name="headers">basic:AttachmentHeader elements; empty for no list.</param>
    /// <param name="contents">basic:AttachmentContent elements; null for no list.</param>
    /// <param name="extraData">More elements of SenderProvidedRequestData, before the headers.</param>
    public static string SendRequest(SigningKey key, DateTimeOffset now, string headers, string? contents, string extraData = "") => SignedAsCaller(Envelope($"""
        <ns:SendRequestRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
          <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
            <ns:MessageID>{MessageIds.NewVersion1(now)}</ns:MessageID>
            <b:MessagePrimaryContent><a:Appeal xmlns:a="{GatewayFixture.Appeal.NamespaceUri}"><a:Text>raw</a:Text></a:Appeal></b:MessagePrimaryContent>
            {extraData}
            {(headers.Length > 0 ? $"<b:AttachmentHeaderList>{headers}</b:AttachmentHeaderList>" : "")}
          </ns:SenderProvidedRequestData>
          {(contents is null ? "" : $"<b:AttachmentContentList>{contents}</b:AttachmentContentList>")}
          <ns:CallerInformationSystemSignature/>
        </ns:SendRequestRequest>
        """), key, "SIGNED_BY_CONSUMER");

    public static string Header(string contentId, string mimeType = "application/pdf", byte[]? signaturePkcs7 = null) =>
        $"<b:AttachmentHeader><b:contentId>{contentId}</b:contentId><b:MimeType>{mimeType}</b:MimeType>" +
        (signaturePkcs7 is null ? "" : $"<b:SignaturePKCS7>{Convert.ToBase64String(signaturePkcs7)}</b:SignaturePKCS7>") +
        "</b:AttachmentHeader>";

    public static string Content(string id, byte[] bytes) => ContentXml(id, Convert.ToBase64String(bytes));

    public static string Include(string id, string cid) => ContentXml(id, $"""<xop:Include xmlns:xop="{SmevNamespaces.Xop}" href="cid:{cid}"/>""");

    private static string ContentXml(string id, string inner) =>
        $"<b:AttachmentContent><b:Id>{id}</b:Id><b:Content>{inner}</b:Content></b:AttachmentContent>";
}
