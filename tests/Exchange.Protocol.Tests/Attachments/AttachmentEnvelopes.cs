namespace Exchange.Protocol.Tests.Attachments;

/// <summary>Hand-written SendRequest envelopes and MTOM bodies with attachments, for the protocol tests.</summary>
internal static class AttachmentEnvelopes
{
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
}
