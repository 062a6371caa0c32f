using System.Net;
using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Faults;
using static Exchange.Gateway.Tests.RawEnvelopes;

namespace Exchange.Gateway.Tests;

/// <summary>Hand-written envelopes: the wire shape, and hostile or broken input. Nothing refused may be stored.</summary>
public sealed class RawSoapTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private StoredRows _before = null!;

    public async ValueTask InitializeAsync() => _before = await StoredRows.CountAsync(gateway);

    public async ValueTask DisposeAsync() => Assert.Equal(_before, await StoredRows.CountAsync(gateway));

    private async Task<(HttpStatusCode Status, XmlElement Body)> PostAsync(string body, string contentType = "text/xml; charset=utf-8",
        string? soapAction = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.SoapEndpoint) { Content = content };
        if (soapAction is not null)
        {
            request.Headers.Add("SOAPAction", soapAction);
        }
        using var response = await gateway.Http.SendAsync(request, Token);
        var document = new XmlDocument();
        document.LoadXml(await response.Content.ReadAsStringAsync(Token));
        var soapBody = (XmlElement)document.DocumentElement!.GetElementsByTagName("Body", SmevNamespaces.Soap11)[0]!;
        return (response.StatusCode, (XmlElement)soapBody.FirstChild!);
    }

    private async Task<(string Element, string Code)> FaultAsync(string body, string contentType = "text/xml; charset=utf-8", string? soapAction = null)
    {
        var (status, answer) = await PostAsync(body, contentType, soapAction);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("Fault", answer.LocalName);
        var detail = (XmlElement)answer["detail"]!.FirstChild!;
        Assert.Equal(SmevNamespaces.Faults, detail.NamespaceURI);
        return (detail.LocalName, answer["faultstring"]!.InnerText.Split(':')[0]);
    }

    [Fact]
    public async Task an_empty_get_request_answer_has_the_smev_shape()
    {
        // A participant of its own: nothing any other test does can put a request in its queue.
        await new Directory.DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("RAW_EMPTY", "regional_body");
        var (status, answer) = await PostAsync(GetMessage(gateway.Pki.Key(GatewayFixture.SystemOf("RAW_EMPTY")), gateway.ClientTime.GetUtcNow()),
            soapAction: "\"urn:GetRequest\"");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("GetRequestResponse", answer.LocalName);
        Assert.Equal(SmevNamespaces.Types, answer.NamespaceURI);
        Assert.Empty(answer.ChildNodes);
    }

    [Fact]
    public async Task malformed_xml_is_a_fault()
    {
        Assert.Equal(("InvalidContent", FaultCodes.MalformedXml), await FaultAsync("<soap:Envelope><unclosed>"));
    }

    [Fact]
    public async Task an_unknown_operation_is_a_fault()
    {
        var (element, code) = await FaultAsync(Envelope($"""<ns:CancelRequest xmlns:ns="{SmevNamespaces.Types}"/>"""));
        Assert.Equal(("InvalidContent", FaultCodes.UnknownOperation), (element, code));
    }

    [Fact]
    public async Task a_body_over_the_limit_is_a_fault()
    {
        var padding = new string(' ', (int)GatewayFixture.MaxRequestBytes);
        Assert.Equal(FaultCodes.BodyTooLarge, (await FaultAsync(Envelope(padding + "<a/>"))).Code);
    }

    [Fact]
    public async Task a_dtd_is_a_fault()
    {
        Assert.Equal(FaultCodes.DtdProhibited, (await FaultAsync("<!DOCTYPE soap:Envelope [<!ELEMENT a ANY>]>" + Envelope("<a/>"))).Code);
    }

    [Fact]
    public async Task an_external_entity_is_a_fault_and_is_never_fetched()
    {
        var body = """<!DOCTYPE e [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>""" + Envelope("<a>&x;</a>");
        Assert.Equal(FaultCodes.DtdProhibited, (await FaultAsync(body)).Code);
    }

    [Fact]
    public async Task soap_12_content_is_a_fault()
    {
        Assert.Equal(FaultCodes.UnsupportedContentType, (await FaultAsync(Envelope("<a/>"), "application/soap+xml")).Code);
    }

    [Fact]
    public async Task a_soap_action_naming_another_operation_is_a_fault()
    {
        var body = Envelope($"""<ns:AckRequest xmlns:ns="{SmevNamespaces.Types}"/>""");
        Assert.Equal(FaultCodes.SoapActionMismatch, (await FaultAsync(body, soapAction: "urn:SendRequest")).Code);
    }

    [Fact]
    public async Task an_unsigned_request_is_a_signature_fault()
    {
        var body = Envelope($"""
            <ns:SendRequestRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
              <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
                <ns:MessageID>{MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())}</ns:MessageID>
                <b:MessagePrimaryContent><a:Appeal xmlns:a="{GatewayFixture.Appeal.NamespaceUri}"/></b:MessagePrimaryContent>
              </ns:SenderProvidedRequestData>
            </ns:SendRequestRequest>
            """);
        Assert.Equal(("SignatureVerificationFault", FaultCodes.NoCallerSignature), await FaultAsync(body));
    }

    [Fact]
    public async Task a_request_missing_a_required_element_is_a_fault()
    {
        var body = Envelope($"""<ns:SendRequestRequest xmlns:ns="{SmevNamespaces.Types}"/>""");
        Assert.Equal(FaultCodes.InvalidStructure, (await FaultAsync(body)).Code);
    }

    [Fact]
    public async Task an_ack_whose_accepted_flag_is_not_a_boolean_is_invalid_content()
    {
        var ack = $"""
            <ns:AckRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
              <b:AckTargetMessage Id="SIGNED_BY_CALLER" accepted="maybe">{MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())}</b:AckTargetMessage>
              <ns:CallerInformationSystemSignature/>
            </ns:AckRequest>
            """;
        Assert.Equal(("InvalidContent", FaultCodes.InvalidStructure), await FaultAsync(SignedAsCaller(Envelope(ack), gateway.Pki.Key("HEALTH"))));
    }

    [Fact]
    public async Task the_health_endpoints_answer()
    {
        using var live = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, "/health"), Token);
        using var ready = await gateway.Http.GetAsync(new Uri(gateway.BaseAddress, "/health/ready"), Token);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Token));
    }

    private string SignedSendRequest(string text) => SignedAsCaller(Envelope($"""
            <ns:SendRequestRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
              <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
                <ns:MessageID>{MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())}</ns:MessageID>
                <b:MessagePrimaryContent><a:Appeal xmlns:a="{GatewayFixture.Appeal.NamespaceUri}"><a:Text>{text}</a:Text></a:Appeal></b:MessagePrimaryContent>
              </ns:SenderProvidedRequestData>
              <ns:CallerInformationSystemSignature/>
            </ns:SendRequestRequest>
            """), gateway.Pki.Key("PORTAL"), "SIGNED_BY_CONSUMER");

    [Fact]
    public async Task a_request_changed_after_it_was_signed_is_refused()
    {
        var tampered = SignedSendRequest("Please repair the road").Replace("Please repair the road", "Please pave my garden", StringComparison.Ordinal);

        Assert.Equal(("SignatureVerificationFault", "EXCHANGE-401-DigestMismatch"), await FaultAsync(tampered));
    }

    [Fact]
    public async Task a_signed_request_moved_aside_for_a_forged_one_is_refused()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(SignedSendRequest("genuine"));
        var genuine = (XmlElement)document.GetElementsByTagName("SenderProvidedRequestData", SmevNamespaces.Types)[0]!;
        var forged = (XmlElement)genuine.CloneNode(deep: true);
        forged.SetAttribute("Id", "FORGED");
        forged.GetElementsByTagName("Text", GatewayFixture.Appeal.NamespaceUri)[0]!.InnerText = "forged";
        genuine.ParentNode!.ReplaceChild(forged, genuine);
        var header = document.CreateElement("soap", "Header", SmevNamespaces.Soap11);
        header.AppendChild(genuine);
        document.DocumentElement!.PrependChild(header);

        Assert.Equal(("SignatureVerificationFault", "EXCHANGE-401-IncorrectSignatureTarget"), await FaultAsync(document.OuterXml));
    }

    [Fact]
    public async Task deep_nesting_inside_the_business_content_is_a_fault()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 10_000)) + string.Concat(Enumerable.Repeat("</x>", 10_000));
        Assert.Equal(FaultCodes.TooDeep, (await FaultAsync(Envelope(deep))).Code);
    }

    [Fact]
    public async Task a_status_lookup_for_a_message_nobody_sent_is_target_message_is_not_found()
    {
        Assert.Equal(("TargetMessageIsNotFound", FaultCodes.TargetNotFound),
            await FaultAsync(SignedAsCaller(StatusLookup(MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())), gateway.Pki.Key("PORTAL")),
                soapAction: "\"urn:GetMessageStatus\""));
    }

    [Fact]
    public async Task an_unsigned_status_lookup_is_a_signature_fault()
    {
        Assert.Equal(("SignatureVerificationFault", FaultCodes.NoCallerSignature),
            await FaultAsync(StatusLookup(MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()), withSignature: false)));
    }

    /// <summary>A hand-written GetMessageStatusRequest (our extension's namespace), to be signed.</summary>
    internal static string StatusLookup(Guid messageId, bool withSignature = true) => Envelope($"""
        <st:GetMessageStatusRequest xmlns:st="{ExchangeNamespaces.MessageStatus}">
          <st:MessageReference Id="SIGNED_BY_CALLER">{messageId}</st:MessageReference>
          {(withSignature ? "<st:CallerInformationSystemSignature/>" : "")}
        </st:GetMessageStatusRequest>
        """);
}
