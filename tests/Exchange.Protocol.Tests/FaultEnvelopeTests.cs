using System.Xml;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Tests;

public sealed class FaultEnvelopeTests
{
    private static XmlElement FaultOf(SmevFault fault)
    {
        var document = SafeXmlLoader.Load(SoapEnvelopeWriter.WriteFault(fault), XmlLimits.Default);
        return document.DocumentElement!.RequiredChild(SmevNamespaces.Soap11, "Body").RequiredChild(SmevNamespaces.Soap11, "Fault");
    }

    [Fact]
    public void a_client_fault_carries_the_smev_element_with_code_and_description()
    {
        var fault = FaultOf(SmevFault.InvalidContent(FaultCodes.MalformedXml, "broken", 3));
        Assert.Equal("soap:Client", fault["faultcode"]!.InnerText);
        Assert.StartsWith(FaultCodes.MalformedXml, fault["faultstring"]!.InnerText);
        var detail = fault["detail"]!.RequiredChild(SmevNamespaces.Faults, "InvalidContent");
        Assert.Equal(FaultCodes.MalformedXml, detail.RequiredText(SmevNamespaces.Basic, "Code"));
        Assert.Equal("3", detail.RequiredChild(SmevNamespaces.Faults, "ValidationError").GetAttribute("errorPosition"));
    }

    [Fact]
    public void a_void_fault_has_an_empty_detail_element_and_the_code_in_faultstring()
    {
        var fault = FaultOf(SmevFault.MessageIsAlreadySent(Guid.NewGuid()));
        var detail = fault["detail"]!.RequiredChild(SmevNamespaces.Faults, "MessageIsAlreadySent");
        Assert.Empty(detail.ChildNodes);
        Assert.StartsWith(FaultCodes.MessageIdReused, fault["faultstring"]!.InnerText);
    }

    [Fact]
    public void a_gateway_failure_is_a_server_fault()
    {
        Assert.Equal("soap:Server", FaultOf(SmevFault.Failure("down"))["faultcode"]!.InnerText);
    }
}
