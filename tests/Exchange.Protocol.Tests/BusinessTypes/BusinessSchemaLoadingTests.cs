using System.Xml;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>Schemas and documents are read without DTDs, and a schema can import nothing from outside its folder.</summary>
public sealed class BusinessSchemaLoadingTests : IDisposable
{
    private const string Importing = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:o="urn:test:other" targetNamespace="urn:test:main" elementFormDefault="qualified">
          <xs:import namespace="urn:test:other" schemaLocation="{0}"/>
          <xs:element name="Main" type="o:OtherType"/>
        </xs:schema>
        """;

    private const string Other = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:other" elementFormDefault="qualified">
          <xs:simpleType name="OtherType"><xs:restriction base="xs:string"/></xs:simpleType>
        </xs:schema>
        """;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("exchange-business-schemas-");

    private string Folder => Path.Combine(_scratch.FullName, "business");

    public BusinessSchemaLoadingTests() => Directory.CreateDirectory(Folder);

    public void Dispose() => _scratch.Delete(recursive: true);

    private void Write(string path, string text) => File.WriteAllText(Path.Combine(_scratch.FullName, path), text);

    [Fact]
    public void a_schema_importing_a_sibling_in_the_folder_compiles()
    {
        Write("business/other.xsd", Other);
        Write("business/main.xsd", string.Format(null, Importing, "other.xsd"));
        Assert.True(BusinessSchemaCompiler.Compile(Folder, "main.xsd").IsCompiled);
    }

    [Fact]
    public void a_schema_importing_a_file_outside_the_folder_does_not_compile()
    {
        Write("other.xsd", Other);
        Write("business/main.xsd", string.Format(null, Importing, "../other.xsd"));
        var refusal = Assert.Throws<XmlSchemaException>(() => BusinessSchemaCompiler.Compile(Folder, "main.xsd"));
        Assert.Contains("refused: it is outside", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_schema_importing_over_the_network_does_not_compile()
    {
        Write("business/main.xsd", string.Format(null, Importing, "http://127.0.0.1:9/other.xsd"));
        var refusal = Assert.Throws<XmlSchemaException>(() => BusinessSchemaCompiler.Compile(Folder, "main.xsd"));
        Assert.Contains("http://127.0.0.1:9/other.xsd refused", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_schema_with_a_document_type_definition_is_refused()
    {
        Write("business/main.xsd", "<!DOCTYPE xs:schema [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Other);
        var refusal = Assert.Throws<XmlException>(() => BusinessSchemaCompiler.Compile(Folder, "main.xsd"));
        Assert.Contains("DTD is prohibited", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_imported_schema_with_a_document_type_definition_is_refused()
    {
        // Only an internal entity: were the DTD processed, the import would be read and the schema would compile.
        Write("business/other.xsd", "<!DOCTYPE xs:schema [<!ENTITY x \"internal\">]>" + Other.Replace("<xs:simpleType", "<xs:annotation><xs:documentation>&x;</xs:documentation></xs:annotation><xs:simpleType", StringComparison.Ordinal));
        Write("business/main.xsd", string.Format(null, Importing, "other.xsd"));
        var refusal = Assert.Throws<XmlSchemaException>(() => BusinessSchemaCompiler.Compile(Folder, "main.xsd"));
        Assert.Contains("DTD is prohibited", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_business_document_with_a_document_type_definition_is_refused()
    {
        var withDtd = "<!DOCTYPE CitizenAppeal [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + AppealSamples.Appeal;
        var refusal = Assert.Throws<XmlException>(() => BusinessDocumentValidator.Validate(withDtd));
        Assert.Contains("DTD is prohibited", refusal.Message, StringComparison.Ordinal);
    }
}
