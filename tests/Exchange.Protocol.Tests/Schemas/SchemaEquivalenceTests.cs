using System.Xml;

namespace Exchange.Protocol.Tests.Schemas;

public sealed class SchemaEquivalenceTests
{
    private static readonly Dictionary<string, string> Namespaces = new()
    {
        ["types"] = SampleDocuments.TypesNs,
        ["basic"] = SampleDocuments.BasicNs,
        ["faults"] = SampleDocuments.FaultsNs,
    };

    /// <summary>Every global element of the official types, basic and faults schemas, as prefix:name.</summary>
    public static TheoryData<string> OfficialGlobalElements
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in SchemaSets.Official.Set.GlobalElements.Names.Cast<XmlQualifiedName>().OrderBy(n => n.Namespace, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal))
            {
                if (Namespaces.FirstOrDefault(p => p.Value == name.Namespace).Key is { } prefix)
                {
                    data.Add($"{prefix}:{name.Name}");
                }
            }
            return data;
        }
    }

    [Fact]
    public void our_schema_set_is_equivalent_to_the_official_one_on_the_wire()
    {
        var comparer = new SchemaModelComparer(SchemaSets.Official.Set, SchemaSets.Ours.Set);

        Assert.Null(comparer.FirstDifference());
        Assert.Equal(SchemaSets.Official.Set.GlobalElements.Count, comparer.ElementsCompared);
    }

    [Theory]
    [MemberData(nameof(OfficialGlobalElements))]
    public void an_official_global_element_has_a_twin_with_the_same_content_model_in_ours(string element)
    {
        var (prefix, local) = (element[..element.IndexOf(':', StringComparison.Ordinal)], element[(element.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var name = new XmlQualifiedName(local, Namespaces[prefix]);
        Assert.True(SchemaSets.Ours.Set.GlobalElements.Contains(name), $"{element} is not a global element of our schemas");

        Assert.Null(new SchemaModelComparer(SchemaSets.Official.Set, SchemaSets.Ours.Set).FirstDifference(name));
    }

    [Fact]
    public void the_official_types_basic_and_faults_schemas_have_the_global_elements_we_expect_to_compare()
    {
        // Guards the theory above against silently comparing nothing (20 + 9 + 21 global elements in 1.3).
        Assert.Equal(50, OfficialGlobalElements.Count);
    }

    [Theory]
    [InlineData("basic-1.3.xsd", """<xs:maxLength value="1500"/>""", """<xs:maxLength value="1501"/>""", "maxLength 1501")]
    [InlineData("types-1.3.xsd", """name="ReplyTo" type="basic:string-4000" minOccurs="0">""", """name="ReplyTo" type="basic:string-4000">""", "ReplyTo")]
    [InlineData("types-1.3.xsd", """name="RequestRejected" maxOccurs="unbounded">""", """name="RequestRejected" maxOccurs="10">""", "RequestRejected")]
    [InlineData("types-1.3.xsd", """<xs:element name="Mnemonic" type="basic:string-100" minOccurs="0">""", """<xs:element name="Mnemonic" type="basic:string-50" minOccurs="0">""", "types:Recipient/sequence[1]/types:Mnemonic")]
    [InlineData("types-1.3.xsd", """<xs:enumeration value="BROADCAST">""", """<xs:enumeration value="NOTIFICATION">""", "NOTIFICATION")]
    [InlineData("types-1.3.xsd", "</xs:schema>", """<xs:element name="Extra" type="xs:string"/></xs:schema>""", "global elements")]
    [InlineData("basic-1.3.xsd", """<xs:attribute name="Id" type="xs:ID" use="required">""", """<xs:attribute name="Id" type="xs:ID">""", "@Id")]
    [InlineData("basic-1.3.xsd", """ xmime:expectedContentTypes="application/octet-stream">""", ">", "foreign attributes")]
    [InlineData("basic-1.3.xsd", "{4}-[0-9a-f]{12}", "{4}-[0-9a-fA-F]{12}", "patterns")]
    [InlineData("basic-1.3.xsd", """<xs:any namespace="##other" processContents="lax">""", """<xs:any namespace="##other" processContents="strict">""", "MessagePrimaryContent")]
    [InlineData("faults-1.3.xsd", """<xs:element name="RootElementNamespaceURI" type="xs:string">""", """<xs:element name="RootElementNamespaceURI" type="xs:anyURI">""", "RootElementNamespaceURI")]
    [InlineData("routing-1.3.xsd", """<xs:element ref="rout:RegistryRecordRouting" maxOccurs="1000"/>""", """<xs:element ref="rout:RegistryRecordRouting" maxOccurs="999"/>""", "RegistryRecordRouting")]
    [InlineData("types-1.3.xsd", """<xs:element ref="types:AsyncProcessingStatusData">""", """<xs:element ref="types:AsyncProcessingStatusData" minOccurs="0">""", "SmevAsyncProcessingMessage")]
    [InlineData("basic-1.3.xsd", """<xs:element name="Code" type="basic:string-100" minOccurs="0">""", """<xs:element name="Code" type="basic:string-100">""", "basic:Code")]
    [InlineData("basic-1.3.xsd", "</xs:schema>", """<xs:simpleType name="Extra"><xs:annotation><xs:documentation>x</xs:documentation></xs:annotation><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>""", "global named types")]
    [InlineData("faults-1.3.xsd", """<xs:attribute name="errorPosition" type="xs:int" use="required">""", """<xs:attribute name="errorPosition" type="xs:int">""", "@errorPosition")]
    [InlineData("directive-1.3.xsd", """minOccurs="0" maxOccurs="10">""", """minOccurs="0" maxOccurs="11">""", "PersonalSignature")]
    public void the_comparison_reports_a_change_that_matters_on_the_wire(string file, string original, string changed, string reported)
    {
        using var folder = new TemporaryFolder();
        foreach (var source in Directory.EnumerateFiles(SchemaFolders.Ours))
        {
            File.Copy(source, Path.Combine(folder.Path, Path.GetFileName(source)));
        }
        var path = Path.Combine(folder.Path, file);
        var text = File.ReadAllText(path);
        Assert.Equal(1, Occurrences(text, original));
        File.WriteAllText(path, text.Replace(original, changed, StringComparison.Ordinal));

        var mutated = SchemaSets.FromWsdl(Path.Combine(folder.Path, SchemaFolders.OurWsdl));
        Assert.True(mutated.IsClean, mutated.Report());

        var difference = new SchemaModelComparer(SchemaSets.Official.Set, mutated.Set).FirstDifference();
        Assert.NotNull(difference);
        Assert.True(difference.Contains(reported, StringComparison.Ordinal), difference);
    }

    [Fact]
    public void the_comparison_of_the_official_set_with_itself_finds_no_difference()
    {
        var again = SchemaSets.FromWsdl(SchemaFolders.OfficialFile(SchemaFolders.OfficialWsdl));
        Assert.Null(new SchemaModelComparer(SchemaSets.Official.Set, again.Set).FirstDifference());
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
