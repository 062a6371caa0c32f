using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.Schemas;

/// <summary>Our files are our own: no operator tooling customisations, no copied text, everything documented in English.</summary>
public sealed partial class SchemaAuthorshipTests
{
    private static readonly XNamespace Xs = XmlSchema.Namespace;

    public static TheoryData<string> OurFiles => [.. Directory.EnumerateFiles(SchemaFolders.Ours).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(OurFiles))]
    public void our_file_has_no_jaxb_customisation_and_no_russian_text(string file)
    {
        var text = File.ReadAllText(SchemaFolders.OursFile(file));
        Assert.DoesNotContain("java.sun.com/xml/ns/jax", text, StringComparison.Ordinal);
        Assert.DoesNotContain("appinfo", text, StringComparison.Ordinal);
        Assert.False(Cyrillic().IsMatch(text), "Cyrillic text found");
    }

    [Theory]
    [MemberData(nameof(OurFiles))]
    public void every_named_element_and_type_in_our_file_is_documented_in_english(string file)
    {
        var document = SchemaSets.LoadSafely(SchemaFolders.OursFile(file));
        var declarations = document.Descendants()
            .Where(e => e.Name.Namespace == Xs && e.Name.LocalName is "element" or "complexType" or "simpleType" && e.Attribute("name") is not null);
        var undocumented = declarations
            .Where(d => !d.Elements(Xs + "annotation").Elements(Xs + "documentation")
                .Any(doc => (string?)doc.Attribute(XNamespace.Xml + "lang") == "en" && doc.Value.Trim().Length > 0))
            .Select(d => $"{d.Name.LocalName} {d.Attribute("name")!.Value} (line {((System.Xml.IXmlLineInfo)d).LineNumber})")
            .ToList();
        Assert.True(undocumented.Count == 0, "undocumented: " + string.Join(", ", undocumented));
    }

    [Theory]
    [MemberData(nameof(OurFiles))]
    public void every_schema_location_in_our_file_is_a_sibling_file(string file)
    {
        var document = SchemaSets.LoadSafely(SchemaFolders.OursFile(file));
        foreach (var location in document.Descendants().Attributes("schemaLocation").Select(a => a.Value))
        {
            Assert.Equal(Path.GetFileName(location), location);
            Assert.True(File.Exists(SchemaFolders.OursFile(location)), $"{location} does not exist");
        }
    }

    [Fact]
    public void no_documentation_text_of_ours_repeats_the_official_documentation()
    {
        static IEnumerable<string> Documentation(string folder) => Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".xsd", StringComparison.Ordinal) || f.EndsWith(".wsdl", StringComparison.Ordinal))
            .SelectMany(f => SchemaSets.LoadSafely(f).Descendants().Where(e => e.Name.LocalName == "documentation"))
            .Select(e => Whitespace().Replace(e.Value, " ").Trim())
            .Where(text => text.Length > 0);

        var official = Documentation(SchemaFolders.Official).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(Documentation(SchemaFolders.Ours), official.Contains);
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
