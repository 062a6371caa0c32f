using System.Text;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Tests;

public sealed class SendResponseRequestTests
{
    private const string PersonalSignature = """<ns:PersonalSignature><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></ns:PersonalSignature>""";

    private static SendResponseRequest Parse(string content) =>
        SendResponseRequest.Parse(SoapRequest.Parse(Encoding.UTF8.GetBytes($"""
            <s:Envelope xmlns:s="{SmevNamespaces.Soap11}" xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
            <s:Body><ns:SendResponseRequest>
              <ns:SenderProvidedResponseData Id="SIGNED_BY_PROVIDER">
                <ns:MessageID>133b4229-6340-11ec-ba07-fa163e24a723</ns:MessageID>
                <ns:To>reply-address</ns:To>
                {content}
              </ns:SenderProvidedResponseData>
            </ns:SendResponseRequest></s:Body></s:Envelope>
            """), XmlLimits.Default).Operation);

    [Fact]
    public void an_answers_personal_signature_is_taken_for_checking()
    {
        var response = Parse($"""<b:MessagePrimaryContent><a:AppealAnswer xmlns:a="urn:x" Id="PERSONAL_SIGNATURE"/></b:MessagePrimaryContent>{PersonalSignature}""");

        Assert.Equal("PersonalSignature", response.PersonalSignature!.LocalName);
        Assert.Equal("AppealAnswer", response.BusinessContent!.LocalName);
    }

    [Fact]
    public void a_personal_signature_on_a_rejection_is_refused()
    {
        var refused = Assert.Throws<SmevFaultException>(() => Parse($"""
            <ns:RequestRejected><ns:RejectionReasonCode>NO_DATA</ns:RejectionReasonCode><ns:RejectionReasonDescription>none</ns:RejectionReasonDescription></ns:RequestRejected>
            {PersonalSignature}
            """));

        Assert.Equal(FaultCodes.InvalidStructure, refused.Fault.Code);
        Assert.StartsWith("PersonalSignature signs the business document", refused.Fault.Description, StringComparison.Ordinal);
    }
}
