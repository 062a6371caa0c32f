using System.Text;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Tests;

public sealed class SendRequestRequestTests
{
    private const string MessageId = "133b4229-6340-11ec-ba07-fa163e24a723";

    private static SendRequestRequest Parse(string content, string extra = "") =>
        SendRequestRequest.Parse(SoapRequest.Parse(Encoding.UTF8.GetBytes($"""
            <s:Envelope xmlns:s="{SmevNamespaces.Soap11}" xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
            <s:Body><ns:SendRequestRequest>
              <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
                <ns:MessageID>{MessageId}</ns:MessageID>
                <b:MessagePrimaryContent>{content}</b:MessagePrimaryContent>
                {extra}
              </ns:SenderProvidedRequestData>
            </ns:SendRequestRequest></s:Body></s:Envelope>
            """), XmlLimits.Default).Operation);

    [Fact]
    public void the_message_type_is_the_qualified_name_of_the_business_root()
    {
        var request = Parse("""<a:Appeal xmlns:a="urn:region:appeal:1.0"><a:Text>Hello</a:Text></a:Appeal>""");
        Assert.Equal(new MessageType("urn:region:appeal:1.0", "Appeal"), request.MessageType);
        Assert.Equal(Guid.Parse(MessageId), request.MessageId);
        Assert.False(request.IsTest);
    }

    [Fact]
    public void an_element_the_schema_does_not_allow_in_the_signed_data_is_refused()
    {
        // E.g. a content list planted inside the signed data, where a later reader might take it for the gateway's own.
        var refused = Assert.Throws<SmevFaultException>(() => Parse("""<a:Appeal xmlns:a="urn:x"/>""",
            "<b:AttachmentContentList><b:AttachmentContent><b:Id>x</b:Id><b:Content>AA==</b:Content></b:AttachmentContent></b:AttachmentContentList>"));

        Assert.Equal(FaultCodes.InvalidStructure, refused.Fault.Code);
        Assert.Contains("AttachmentContentList", refused.Fault.Description);
    }

    [Fact]
    public void a_repeated_element_is_invalid_content_not_a_failure()
    {
        var refused = Assert.Throws<SmevFaultException>(() => Parse("""<a:Appeal xmlns:a="urn:x"/>""", "<ns:TestMessage/><ns:TestMessage/>"));

        Assert.Equal(FaultCodes.InvalidStructure, refused.Fault.Code);
        Assert.Contains("more than once", refused.Fault.Description);
    }

    [Fact]
    public void test_message_marks_the_request_as_test()
    {
        Assert.True(Parse("""<a:Appeal xmlns:a="urn:x"/>""", "<ns:TestMessage/>").IsTest);
    }

    [Fact]
    public void primary_content_with_two_documents_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() => Parse("""<a:A xmlns:a="urn:x"/><a:B xmlns:a="urn:x"/>""")).Fault;
        Assert.Equal(FaultCodes.InvalidStructure, fault.Code);
    }

    [Fact]
    public void the_stored_form_of_the_request_data_declares_the_namespaces_it_inherits()
    {
        var request = Parse("""<a:Appeal xmlns:a="urn:x"/>""");
        var stored = request.RequestData.ToStandaloneXml();
        var reparsed = SafeXmlLoader.Load(stored, XmlLimits.Default).DocumentElement!;
        Assert.Equal(SmevNamespaces.Types, reparsed.NamespaceURI);
        Assert.Equal(MessageId, reparsed.RequiredText(SmevNamespaces.Types, "MessageID"));
    }
}
