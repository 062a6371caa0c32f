using System.Xml;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class BusinessTypeRegistryTests
{
    private static readonly BusinessTypeRegistry Registry = new();

    private static XmlElement Document(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document.DocumentElement!;
    }

    [Fact]
    public void every_catalog_type_is_registered_with_its_schema()
    {
        Assert.Equal(10, Registry.Types.Count());
        Assert.Equal("appeal/1.0/appeal-1.0.xsd", Registry.Find(new MessageType(BusinessNamespaces.Appeal.NamespaceName, "CitizenAppeal"))!.Schema);
    }

    [Fact]
    public void a_valid_document_passes()
    {
        Registry.Validate(Document(AppealSamples.Appeal));
        Registry.Validate(Document(AppealSamples.Answer));
    }

    [Fact]
    public void an_invalid_document_is_refused_with_what_is_wrong()
    {
        var invalid = Document(AppealSamples.Appeal.Replace("<Kind>application</Kind>", "<Kind>demand</Kind>", StringComparison.Ordinal));

        var fault = Assert.Throws<SmevFaultException>(() => Registry.Validate(invalid)).Fault;

        Assert.Equal("InvalidContent", fault.Element);
        Assert.Equal(FaultCodes.SchemaViolation, fault.Code);
        Assert.Contains(fault.ValidationErrors, e => e.Message.Contains("Kind", StringComparison.Ordinal));
    }

    [Fact]
    public void a_long_offending_value_is_not_echoed_whole()
    {
        var longText = new string('x', 25_000);
        var invalid = Document(AppealSamples.Appeal.Replace("<Kind>application</Kind>", $"<Kind>{longText}</Kind>", StringComparison.Ordinal));

        var fault = Assert.Throws<SmevFaultException>(() => Registry.Validate(invalid)).Fault;

        Assert.All(fault.ValidationErrors, e => Assert.True(e.Message.Length <= 301));
    }

    [Fact]
    public void a_document_of_a_type_the_catalog_does_not_know_passes_unvalidated()
    {
        Registry.Validate(Document("<Anything xmlns='urn:elsewhere'><Whatever/></Anything>"));
    }
}
