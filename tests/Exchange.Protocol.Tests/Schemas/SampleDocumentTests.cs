using System.Xml;
using Exchange.Protocol.Tests.Xml;

namespace Exchange.Protocol.Tests.Schemas;

public sealed class SampleDocumentTests
{
    public static TheoryData<string> ValidSamples => [.. SampleDocuments.Valid.Keys];

    public static TheoryData<string> FaultSamples => [.. SampleDocuments.Faults.Keys];

    public static TheoryData<string> InvalidSamples => [.. SampleDocuments.Invalid.Keys];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void a_valid_operation_body_is_accepted_by_both_schema_sets(string sample)
    {
        AcceptedByBoth(SampleDocuments.Valid[sample]);
    }

    [Theory]
    [MemberData(nameof(FaultSamples))]
    public void a_fault_detail_is_accepted_by_both_schema_sets(string fault)
    {
        AcceptedByBoth(SampleDocuments.Faults[fault]);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void a_broken_document_is_refused_by_both_schema_sets(string sample)
    {
        var (xml, because) = SampleDocuments.Invalid[sample];
        var official = SchemaSets.Validate(SchemaSets.Official.Set, xml);
        var ours = SchemaSets.Validate(SchemaSets.Ours.Set, xml);
        Assert.False(official.IsValid, "the official schemas accepted it");
        Assert.False(ours.IsValid, "our schemas accepted it");
        Assert.Contains(official.Errors, error => error.Contains(because, StringComparison.Ordinal));
        // Same names and positions on both sides, so the validator's messages must be word for word the same.
        Assert.Equal(official.RootDeclared, ours.RootDeclared);
        Assert.Equal(official.Errors, ours.Errors);
    }

    [Fact]
    public void the_fault_samples_cover_every_fault_element()
    {
        var faultElements = SchemaSets.Official.Set.GlobalElements.Names.Cast<XmlQualifiedName>()
            .Where(n => n.Namespace == SampleDocuments.FaultsNs)
            .Select(n => n.Name);
        Assert.Equal(faultElements.Order(StringComparer.Ordinal), SampleDocuments.Faults.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void the_valid_samples_cover_the_input_and_output_element_of_every_operation()
    {
        var bodies = WsdlModel.Load(SchemaFolders.OfficialFile(SchemaFolders.OfficialWsdl)).Operations.Values
            .SelectMany(o => new[] { o.Input, o.Output })
            .Select(n => n.Name);
        var sampled = SampleDocuments.Valid.Values.Select(RootName).ToHashSet(StringComparer.Ordinal);
        Assert.All(bodies, body => Assert.Contains(body, sampled));
    }

    private static void AcceptedByBoth(string xml)
    {
        var official = SchemaSets.Validate(SchemaSets.Official.Set, xml);
        Assert.True(official.IsValid, "official schemas: " + official);
        var ours = SchemaSets.Validate(SchemaSets.Ours.Set, xml);
        Assert.True(ours.IsValid, "our schemas: " + ours);
        Assert.Equal(official.Warnings, ours.Warnings); // the same foreign elements skipped by the same lax wildcards
    }

    private static string RootName(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), FolderXmlResolver.SafeReaderSettings());
        reader.MoveToContent();
        return reader.LocalName;
    }
}
