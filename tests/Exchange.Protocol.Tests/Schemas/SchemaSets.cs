using System.Xml;
using Exchange.Protocol.Tests.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.Schemas;

/// <summary>A compiled schema set and everything the compiler said about it.</summary>
internal sealed record CompiledSchemas(XmlSchemaSet Set, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> FilesRead)
{
    public bool IsClean => Set.IsCompiled && Errors.Count == 0 && Warnings.Count == 0;

    public string Report() => string.Join(Environment.NewLine, Errors.Select(e => "error: " + e).Concat(Warnings.Select(w => "warning: " + w)));
}

/// <summary>The outcome of validating one document.</summary>
internal sealed record Validation(bool RootDeclared, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => RootDeclared && Errors.Count == 0;

    public override string ToString() =>
        (RootDeclared ? "" : "root element not declared; ") + string.Join("; ", Errors.Concat(Warnings.Select(w => "warning: " + w)));
}

internal static class SchemaSets
{
    private static readonly Lazy<CompiledSchemas> OursLazy = new(() => FromWsdl(SchemaFolders.OursFile(SchemaFolders.OurWsdl)));
    private static readonly Lazy<CompiledSchemas> OfficialLazy = new(() => FromWsdl(SchemaFolders.OfficialFile(SchemaFolders.OfficialWsdl)));

    /// <summary>Our schemas as our WSDL imports them (types and faults, and through them basic, routing, directive).</summary>
    public static CompiledSchemas Ours => OursLazy.Value;

    /// <summary>The official 1.3 schemas as the official WSDL imports them.</summary>
    public static CompiledSchemas Official => OfficialLazy.Value;

    /// <summary>Compiles the given files of one folder; imports may only reach files in that folder.</summary>
    public static CompiledSchemas Compile(string folder, params string[] entryFiles)
    {
        var resolver = new FolderXmlResolver(folder);
        var errors = new List<string>();
        var warnings = new List<string>();
        var read = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        set.ValidationEventHandler += (_, e) => (e.Severity == XmlSeverityType.Error ? errors : warnings).Add(Describe(e.Exception));
        foreach (var entry in entryFiles)
        {
            var path = resolver.Allowed(new Uri(Path.GetFullPath(Path.Combine(folder, entry))));
            using var reader = XmlReader.Create(path, FolderXmlResolver.SafeReaderSettings());
            set.Add(null, reader);
            read.Add(path);
        }
        set.Compile();
        return new CompiledSchemas(set, errors, warnings, [.. read, .. resolver.FilesRead]);
    }

    /// <summary>Compiles the schemas a WSDL's types section imports, resolved against the WSDL's own folder.</summary>
    public static CompiledSchemas FromWsdl(string wsdlPath)
    {
        var wsdl = LoadSafely(wsdlPath);
        XNamespace wsdlNs = WsdlNames.Wsdl;
        XNamespace xs = XmlSchema.Namespace;
        var locations = wsdl.Root!.Elements(wsdlNs + "types").Elements(xs + "schema").Elements(xs + "import")
            .Select(import => (string?)import.Attribute("schemaLocation") ?? throw new XmlException("an import without schemaLocation"))
            .ToArray();
        if (locations.Length == 0)
        {
            throw new XmlException($"{wsdlPath} imports no schema.");
        }
        return Compile(Path.GetDirectoryName(Path.GetFullPath(wsdlPath))!, locations);
    }

    public static XDocument LoadSafely(string path)
    {
        using var reader = XmlReader.Create(path, FolderXmlResolver.SafeReaderSettings());
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <summary>Validates a document against a compiled set; the root element must be declared there (XSD would merely skip it otherwise).</summary>
    public static Validation Validate(XmlSchemaSet set, string xml)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var settings = FolderXmlResolver.SafeReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.ValidationEventHandler += (_, e) => (e.Severity == XmlSeverityType.Error ? errors : warnings).Add(Describe(e.Exception));
        XmlQualifiedName? root = null;
        // A compiled set is only read here, but XmlSchemaSet is not documented as thread-safe: one validation at a time.
        lock (set)
        {
            settings.Schemas = set;
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (root is null && reader.NodeType == XmlNodeType.Element)
                {
                    root = new XmlQualifiedName(reader.LocalName, reader.NamespaceURI);
                }
            }
        }
        return new Validation(root is not null && set.GlobalElements.Contains(root), errors, warnings);
    }

    private static string Describe(XmlSchemaException exception) =>
        exception.LineNumber > 0 ? $"{Path.GetFileName(exception.SourceUri)}({exception.LineNumber},{exception.LinePosition}): {exception.Message}" : exception.Message;
}
