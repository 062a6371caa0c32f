using System.Text;

namespace Exchange.Protocol.Tests.Attachments;

/// <summary>Hand-written SendRequest envelopes and MTOM bodies with attachments, for the protocol tests.</summary>
internal static class AttachmentEnvelopes
{
    public const string Boundary = "MIMEBoundary_test";

    public static string Header(string contentId, string mimeType = "application/pdf") =>
        $"<b:AttachmentHeader><b:contentId>{contentId}</b:contentId><b:MimeType>{mimeType}</b:MimeType></b:AttachmentHeader>";

    public static string Content(string id, string inner) =>
        $"<b:AttachmentContent><b:Id>{id}</b:Id><b:Content>{inner}</b:Content></b:AttachmentContent>";

    public static string Include(string cid) => $"""<xop:Include xmlns:xop="{SmevNamespaces.Xop}" href="cid:{cid}"/>""";

    /// <param name="headers">Inside SenderProvidedRequestData (signed); empty for none.</param>
    /// <param name="contents">The AttachmentContentList's children; null for no list.</param>
    public static string SendRequest(string headers, string? contents, string extraData = "") => $"""
        <s:Envelope xmlns:s="{SmevNamespaces.Soap11}" xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
        <s:Body><ns:SendRequestRequest>
          <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
            <ns:MessageID>133b4229-6340-11ec-ba07-fa163e24a723</ns:MessageID>
            <b:MessagePrimaryContent><a:Appeal xmlns:a="urn:x"/></b:MessagePrimaryContent>
            {extraData}
            {(headers.Length > 0 ? $"<b:AttachmentHeaderList>{headers}</b:AttachmentHeaderList>" : "")}
          </ns:SenderProvidedRequestData>
          {(contents is null ? "" : $"<b:AttachmentContentList>{contents}</b:AttachmentContentList>")}
        </ns:SendRequestRequest></s:Body></s:Envelope>
        """;

    /// <summary>A multipart/related body: the root part, then each binary part with its Content-ID.</summary>
    public static byte[] Multipart(string root, params (string Id, byte[] Bytes)[] parts)
    {
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Text($"preamble to ignore\r\n--{Boundary}\r\nContent-ID: <root@test>\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"text/xml\"\r\n\r\n");
        body.Write(Encoding.UTF8.GetBytes(root));
        foreach (var (id, bytes) in parts)
        {
            Text($"\r\n--{Boundary}\r\nContent-ID: <{id}>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Write(bytes);
        }
        Text($"\r\n--{Boundary}--\r\n");
        return body.ToArray();
    }

    public static string ContentType(string boundary = Boundary) =>
        $"multipart/related; type=\"application/xop+xml\"; boundary=\"{boundary}\"; start=\"<root@test>\"; start-info=\"text/xml\"";
}
