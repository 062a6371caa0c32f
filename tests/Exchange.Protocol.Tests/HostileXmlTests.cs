using System.Text;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Tests;

public sealed class HostileXmlTests
{
    private static SmevFault Refusal(string xml, XmlLimits? limits = null) =>
        Assert.Throws<SmevFaultException>(() => SafeXmlLoader.Load(xml, limits ?? XmlLimits.Default)).Fault;

    [Fact]
    public void a_document_type_definition_is_refused()
    {
        var fault = Refusal("<!DOCTYPE a [<!ELEMENT a ANY>]><a/>");
        Assert.Equal(FaultCodes.DtdProhibited, fault.Code);
        Assert.Equal("InvalidContent", fault.Element);
    }

    [Fact]
    public void an_external_entity_is_refused_without_being_resolved()
    {
        var fault = Refusal("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>""");
        Assert.Equal(FaultCodes.DtdProhibited, fault.Code);
    }

    [Fact]
    public void billion_laughs_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>
            """;
        Assert.Equal(FaultCodes.DtdProhibited, Refusal(xml).Code);
    }

    [Fact]
    public void nesting_deeper_than_the_limit_is_refused()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000));
        Assert.Equal(FaultCodes.TooDeep, Refusal(xml).Code);
    }

    [Fact]
    public void nesting_up_to_the_limit_is_accepted()
    {
        var limits = XmlLimits.Default with { MaxDepth = 10 };
        var xml = string.Concat(Enumerable.Repeat("<a>", 10)) + string.Concat(Enumerable.Repeat("</a>", 10));
        Assert.NotNull(SafeXmlLoader.Load(xml, limits).DocumentElement);
    }

    [Fact]
    public void a_huge_attribute_is_refused()
    {
        var xml = $"<a b=\"{new string('x', 100_000)}\"/>";
        Assert.Equal(FaultCodes.AttributeTooLong, Refusal(xml).Code);
    }

    [Fact]
    public void too_many_attributes_are_refused()
    {
        var xml = "<a " + string.Join(" ", Enumerable.Range(0, 100).Select(i => $"a{i}=\"1\"")) + "/>";
        Assert.Equal(FaultCodes.TooManyAttributes, Refusal(xml).Code);
    }

    [Fact]
    public void a_document_over_the_size_limit_is_refused_before_parsing()
    {
        var limits = XmlLimits.Default with { MaxBytes = 1000 };
        var xml = "<a>" + new string('x', 2000) + "</a>";
        Assert.Equal(FaultCodes.BodyTooLarge, Refusal(xml, limits).Code);
    }

    [Fact]
    public void malformed_xml_is_refused_with_its_position()
    {
        var fault = Refusal("<a>\n<b></a>");
        Assert.Equal(FaultCodes.MalformedXml, fault.Code);
        Assert.Equal(2, Assert.Single(fault.ValidationErrors).Position);
    }

    [Fact]
    public void whitespace_is_kept_as_received()
    {
        var document = SafeXmlLoader.Load(Encoding.UTF8.GetBytes("<a>\n  <b> x </b>\n</a>"), XmlLimits.Default);
        Assert.Equal("<a>\n  <b> x </b>\n</a>", document.DocumentElement!.OuterXml);
    }
}
