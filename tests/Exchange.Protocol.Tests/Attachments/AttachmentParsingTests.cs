using System.Text;
using System.Xml;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;
using static Exchange.Protocol.Tests.Attachments.AttachmentEnvelopes;

namespace Exchange.Protocol.Tests.Attachments;

public sealed class AttachmentParsingTests
{
    private static SoapRequest Inline(string envelope) => SoapRequest.Parse(Encoding.UTF8.GetBytes(envelope), XmlLimits.Default);

    [Fact]
    public void headers_inside_the_signed_data_and_inline_contents_outside_it_are_read()
    {
        var request = Inline(SendRequest(Header("scan", "image/jpeg") + Header("form"),
            Content("form", Convert.ToBase64String([1, 2, 3])) + Content("scan", "SGVs\n bG8=")));

        var send = SendRequestRequest.Parse(request.Operation);
        var contents = AttachmentContent.ParseList(request);

        Assert.Equal([("scan", "image/jpeg"), ("form", "application/pdf")], send.AttachmentHeaders.Select(h => (h.ContentId, h.MimeType)));
        Assert.Equal([1, 2, 3], contents.Single(c => c.Id == "form").Content.ToArray());
        Assert.Equal("Hello"u8.ToArray(), contents.Single(c => c.Id == "scan").Content.ToArray());
        Assert.False(request.IsMtom);
    }

    [Fact]
    public void a_pkcs7_signature_in_a_header_is_read_as_bytes()
    {
        var header = $"<b:AttachmentHeader><b:contentId>a</b:contentId><b:MimeType>text/plain</b:MimeType><b:SignaturePKCS7>{Convert.ToBase64String([9, 8])}</b:SignaturePKCS7></b:AttachmentHeader>";
        var send = SendRequestRequest.Parse(Inline(SendRequest(header, Content("a", "AA=="))).Operation);
        Assert.Equal([9, 8], send.AttachmentHeaders.Single().SignaturePkcs7);
    }

    [Fact]
    public void a_message_without_attachments_has_none()
    {
        var request = Inline(SendRequest("", null));
        Assert.Empty(SendRequestRequest.Parse(request.Operation).AttachmentHeaders);
        Assert.Empty(AttachmentContent.ParseList(request));
    }

    [Fact]
    public void a_reference_to_the_ftp_file_store_is_refused_with_its_own_code()
    {
        var reference = "<b:RefAttachmentHeaderList><b:RefAttachmentHeader><b:uuid>u</b:uuid><b:Hash>h</b:Hash>" +
                        "<b:MimeType>application/pdf</b:MimeType></b:RefAttachmentHeader></b:RefAttachmentHeaderList>";
        var fault = Assert.Throws<SmevFaultException>(() => SendRequestRequest.Parse(Inline(SendRequest("", null, reference)).Operation)).Fault;
        Assert.Equal(("InvalidContent", FaultCodes.FileStoreUnsupported), (fault.Element, fault.Code));
    }

    [Theory]
    [InlineData("application/pdf; charset=x")]
    [InlineData("model/vrml")]
    public void a_mime_type_outside_the_schema_pattern_is_refused(string mimeType)
    {
        var fault = Assert.Throws<SmevFaultException>(() => SendRequestRequest.Parse(Inline(SendRequest(Header("a", mimeType), null)).Operation)).Fault;
        Assert.Equal(FaultCodes.InvalidStructure, fault.Code);
    }

    [Fact]
    public void content_that_is_not_base64_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() => AttachmentContent.ParseList(Inline(SendRequest(Header("a"), Content("a", "%%%"))))).Fault;
        Assert.Equal(FaultCodes.AttachmentEncoding, fault.Code);
    }

    [Fact]
    public void a_content_id_that_is_not_an_xml_id_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() => AttachmentContent.ParseList(Inline(SendRequest(Header("1a"), Content("1a", "AA=="))))).Fault;
        Assert.Equal(FaultCodes.InvalidStructure, fault.Code);
    }

    [Fact]
    public void xop_include_in_a_plain_xml_request_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() => Inline(SendRequest(Header("a"), Content("a", Include("p1"))))).Fault;
        Assert.Equal(FaultCodes.MtomPartMissing, fault.Code);
    }

    [Fact]
    public void contents_are_written_after_the_signed_element_as_base64()
    {
        var delivered = new DeliveredRequest("""<ns:SenderProvidedRequestData xmlns:ns="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3"/>""",
            new MessageMetadata { MessageId = Guid.Empty, Kind = MessageKind.Request, SendingTimestamp = DateTimeOffset.UnixEpoch }, "reply")
        {
            Attachments = [new AttachmentContent("doc", new byte[] { 0, 255 })],
        };
        var body = SoapEnvelopeWriter.BuildBody(writer => GetMessageResponse.Write(writer, delivered));

        var message = body.RequiredChild(SmevNamespaces.Types, "RequestMessage");
        Assert.Equal(["Request", "AttachmentContentList"], message.ChildElements().Select(e => e.LocalName));
        var content = message.RequiredChild(SmevNamespaces.Basic, "AttachmentContentList").ChildElements().Single();
        Assert.Equal("doc", content.RequiredText(SmevNamespaces.Basic, "Id"));
        Assert.Equal(Convert.ToBase64String([0, 255]), content.RequiredText(SmevNamespaces.Basic, "Content"));
    }
}
