using System.Xml;

namespace Exchange.Protocol.Tests.Schemas;

public sealed class SchemaCompilationTests
{
    private static readonly string[] OurSchemaFiles = ["basic-1.3.xsd", "types-1.3.xsd", "faults-1.3.xsd", "routing-1.3.xsd", "directive-1.3.xsd"];

    public static TheoryData<string> OurFiles => [.. OurSchemaFiles];

    [Fact]
    public void our_schema_set_compiles_from_our_wsdl_without_errors_or_warnings()
    {
        var ours = SchemaSets.Ours;
        Assert.True(ours.IsClean, ours.Report());
    }

    [Fact]
    public void the_official_schema_set_compiles_from_the_official_wsdl_without_errors_or_warnings()
    {
        var official = SchemaSets.Official;
        Assert.True(official.IsClean, official.Report());
    }

    [Theory]
    [MemberData(nameof(OurFiles))]
    public void each_of_our_schema_files_compiles_on_its_own(string file)
    {
        var compiled = SchemaSets.Compile(SchemaFolders.Ours, file);
        Assert.True(compiled.IsClean, compiled.Report());
    }

    [Fact]
    public void our_wsdl_pulls_in_exactly_our_five_schema_files_and_nothing_outside_our_folder()
    {
        var read = SchemaSets.Ours.FilesRead.Select(Path.GetFullPath).ToList();
        Assert.All(read, path => Assert.Equal(Path.GetFullPath(SchemaFolders.Ours), Path.GetDirectoryName(path)));
        Assert.Equal(OurSchemaFiles.Order(StringComparer.Ordinal), read.Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void our_schema_set_declares_the_five_message_exchange_namespaces()
    {
        var namespaces = SchemaSets.Ours.Set.Schemas().Cast<System.Xml.Schema.XmlSchema>().Select(s => s.TargetNamespace).Order(StringComparer.Ordinal);
        Assert.Equal(
            [SampleDocuments.TypesNs, SampleDocuments.BasicNs, "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/directive/1.3", SampleDocuments.FaultsNs, SampleDocuments.RoutingNs],
            namespaces);
    }

    [Fact]
    public void an_import_that_leaves_the_folder_is_not_followed()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "outside.xsd"), Schema("urn:outside", ""));
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "inner")).FullName;
        File.WriteAllText(Path.Combine(inner, "entry.xsd"), Schema("urn:entry", """<xs:import namespace="urn:outside" schemaLocation="../outside.xsd"/>"""));

        var compiled = SchemaSets.Compile(inner, "entry.xsd");

        Assert.Single(compiled.FilesRead); // the entry file only
        Assert.Contains(compiled.Warnings.Concat(compiled.Errors), message => message.Contains("outside.xsd", StringComparison.Ordinal) || message.Contains("schemaLocation", StringComparison.Ordinal));
    }

    [Fact]
    public void an_import_over_http_is_not_followed()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "entry.xsd"), Schema("urn:entry", """<xs:import namespace="urn:remote" schemaLocation="http://127.0.0.1:9/remote.xsd"/>"""));

        var compiled = SchemaSets.Compile(folder.Path, "entry.xsd");

        Assert.Single(compiled.FilesRead); // the entry file only
        Assert.NotEmpty(compiled.Warnings.Concat(compiled.Errors));
    }

    [Fact]
    public void a_schema_file_with_a_dtd_is_refused()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "entry.xsd"), "<!DOCTYPE xs:schema [<!ENTITY e \"x\">]>" + Schema("urn:entry", ""));

        Assert.Throws<XmlException>(() => SchemaSets.Compile(folder.Path, "entry.xsd"));
    }

    [Fact]
    public void an_imported_schema_file_with_a_dtd_is_refused()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "dtd.xsd"), "<!DOCTYPE xs:schema [<!ENTITY e \"x\">]>" + Schema("urn:dtd", ""));
        File.WriteAllText(Path.Combine(folder.Path, "entry.xsd"), Schema("urn:entry", """<xs:import namespace="urn:dtd" schemaLocation="dtd.xsd"/>"""));

        var compiled = SchemaSets.Compile(folder.Path, "entry.xsd");

        Assert.Single(compiled.FilesRead); // the entry file only
        Assert.NotEmpty(compiled.Warnings.Concat(compiled.Errors));
    }

    private static string Schema(string targetNamespace, string content) =>
        $"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{targetNamespace}">{content}</xs:schema>""";
}

/// <summary>A scratch folder under the system temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("exchange-schema-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
