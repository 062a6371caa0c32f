using System.Text;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Tests;

public sealed class SoapRequestTests
{
    private static SoapRequest Parse(string xml) => SoapRequest.Parse(Encoding.UTF8.GetBytes(xml), XmlLimits.Default);

    [Fact]
    public void the_operation_is_the_single_element_of_the_body()
    {
        var request = Parse($"""
            <s:Envelope xmlns:s="{SmevNamespaces.Soap11}"><s:Header/><s:Body>
              <ns:AckRequest xmlns:ns="{SmevNamespaces.Types}"/>
            </s:Body></s:Envelope>
            """);
        Assert.Equal("AckRequest", request.Operation.LocalName);
    }

    [Fact]
    public void a_soap_12_envelope_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() =>
            Parse("""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><a/></s:Body></s:Envelope>""")).Fault;
        Assert.Equal(FaultCodes.NotSoapEnvelope, fault.Code);
    }

    [Fact]
    public void a_body_with_two_operations_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() =>
            Parse($"""<s:Envelope xmlns:s="{SmevNamespaces.Soap11}"><s:Body><a/><b/></s:Body></s:Envelope>""")).Fault;
        Assert.Equal(FaultCodes.NotSoapEnvelope, fault.Code);
    }

    [Fact]
    public void a_header_that_must_be_understood_is_refused()
    {
        var fault = Assert.Throws<SmevFaultException>(() => Parse($"""
            <s:Envelope xmlns:s="{SmevNamespaces.Soap11}"><s:Header><x:Security xmlns:x="urn:x" s:mustUnderstand="1"/></s:Header>
            <s:Body><a/></s:Body></s:Envelope>
            """)).Fault;
        Assert.Equal(FaultCodes.MustUnderstandHeader, fault.Code);
    }
}
