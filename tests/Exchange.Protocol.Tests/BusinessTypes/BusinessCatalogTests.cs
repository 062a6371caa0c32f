using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed partial class BusinessCatalogTests
{
    public static TheoryData<string> Entries => BusinessCatalog.QualifiedNames;

    [Theory]
    [MemberData(nameof(Entries))]
    public void the_schema_of_every_catalog_entry_compiles_with_imports_only_from_the_folder(string qualifiedName)
    {
        var schemas = BusinessSchemaCompiler.Compile(BusinessCatalog.Get(qualifiedName).Schema);
        Assert.True(schemas.IsCompiled);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void the_realistic_sample_of_every_catalog_entry_validates(string qualifiedName)
    {
        var sample = Assert.Contains(qualifiedName, BusinessSamples.ByQualifiedName);
        var root = BusinessDocumentValidator.Load(sample).Root!;
        Assert.Equal(qualifiedName, root.Name.ToString());
        ValidationAssert.Valid(BusinessDocumentValidator.Validate(sample));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void every_root_element_in_the_catalog_is_a_global_element_of_its_own_schema(string qualifiedName)
    {
        var entry = BusinessCatalog.Get(qualifiedName);
        var schemas = BusinessSchemaCompiler.Compile(entry.Schema);
        var own = Assert.Single(schemas.Schemas().Cast<XmlSchema>(), s => s.SourceUri == SchemaUri(entry.Schema));
        Assert.Equal(entry.NamespaceUri, own.TargetNamespace);
        Assert.Contains(new XmlQualifiedName(entry.RootElement, entry.NamespaceUri), own.Elements.Names.Cast<XmlQualifiedName>());
    }

    [Fact]
    public void every_global_element_of_a_catalog_schema_is_a_catalog_entry()
    {
        foreach (var schemaPath in BusinessCatalog.Entries.Select(entry => entry.Schema).Distinct())
        {
            var own = BusinessSchemaCompiler.Compile(schemaPath).Schemas().Cast<XmlSchema>().Single(s => s.SourceUri == SchemaUri(schemaPath));
            foreach (XmlQualifiedName element in own.Elements.Names)
            {
                Assert.Contains(BusinessCatalog.Entries, entry => entry.Schema == schemaPath
                    && entry.NamespaceUri == element.Namespace && entry.RootElement == element.Name);
            }
        }
    }

    [Fact]
    public void every_schema_in_the_folder_is_in_the_catalog_or_imported_by_a_schema_that_is()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schemaPath in BusinessCatalog.Entries.Select(entry => entry.Schema).Distinct())
        {
            foreach (XmlSchema schema in BusinessSchemaCompiler.Compile(schemaPath).Schemas())
            {
                reached.Add(Path.GetFullPath(new Uri(schema.SourceUri!).LocalPath));
            }
        }
        var inFolder = Directory.EnumerateFiles(BusinessSchemaFolder.Root, "*.xsd", SearchOption.AllDirectories).Select(Path.GetFullPath);
        Assert.All(inFolder, path => Assert.Contains(path, reached));
    }

    [Fact]
    public void shared_schemas_declare_no_message_type()
    {
        var catalogSchemas = BusinessCatalog.Entries.Select(entry => Path.GetFullPath(Path.Combine(BusinessSchemaFolder.Root, entry.Schema))).ToHashSet();
        foreach (var path in Directory.EnumerateFiles(BusinessSchemaFolder.Root, "*.xsd", SearchOption.AllDirectories).Where(p => !catalogSchemas.Contains(p)))
        {
            var globalElements = BusinessDocumentValidator.Load(File.ReadAllText(path)).Root!.Elements(XNamespace.Get(XmlSchema.Namespace) + "element");
            Assert.Empty(globalElements);
        }
    }

    [Fact]
    public void every_sample_belongs_to_a_catalog_entry()
    {
        Assert.Equal(
            BusinessCatalog.Entries.Select(entry => entry.QualifiedName).Order(StringComparer.Ordinal),
            BusinessSamples.ByQualifiedName.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void message_types_are_unique_and_each_namespace_names_the_version_of_its_schema()
    {
        Assert.Equal(BusinessCatalog.Entries.Count, BusinessCatalog.Entries.Select(entry => entry.QualifiedName).Distinct().Count());
        foreach (var entry in BusinessCatalog.Entries)
        {
            var name = VersionedNamespace().Match(entry.NamespaceUri);
            Assert.True(name.Success, $"{entry.NamespaceUri} is not urn://exchange.region/<family>/<major>.<minor>");
            var (family, version) = (name.Groups["family"].Value, name.Groups["version"].Value);
            Assert.Equal($"{family}/{version}/{family}-{version}.xsd", entry.Schema);
            var schema = BusinessDocumentValidator.Load(File.ReadAllText(Path.Combine(BusinessSchemaFolder.Root, entry.Schema))).Root!;
            Assert.Equal(version, (string?)schema.Attribute("version"));
            Assert.Equal("qualified", (string?)schema.Attribute("elementFormDefault"));
        }
    }

    [Fact]
    public void every_entry_is_described()
    {
        Assert.All(BusinessCatalog.Entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Description), entry.QualifiedName));
    }

    private static string SchemaUri(string relativePath) => new Uri(Path.GetFullPath(Path.Combine(BusinessSchemaFolder.Root, relativePath))).AbsoluteUri;

    [GeneratedRegex(@"^urn://exchange\.region/(?<family>[a-z]+(-[a-z]+)*)/(?<version>[0-9]+\.[0-9]+)$")]
    private static partial Regex VersionedNamespace();
}
