using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Schemas;

namespace Exchange.Protocol.BusinessTypes;

/// <summary>
/// The business message types of <c>schemas/business/catalog.json</c>, each with its compiled schema, and the
/// validation of a document against its type's schema before it is accepted.
/// </summary>
public sealed class BusinessTypeRegistry
{
    private const string Folder = "business/";
    private const int MaxReportedErrors = 20;
    private const int MaxMessageLength = 300;
    private readonly Dictionary<MessageType, (BusinessType Type, XmlSchemaSet Schemas)> _types = [];

    public BusinessTypeRegistry()
    {
        var catalog = JsonSerializer.Deserialize<List<BusinessType>>(SchemaFiles.ReadText(Folder + "catalog.json"), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("schemas/business/catalog.json is empty.");
        var compiled = new Dictionary<string, XmlSchemaSet>(StringComparer.Ordinal);
        foreach (var type in catalog)
        {
            if (!compiled.TryGetValue(type.Schema, out var schemas))
            {
                compiled[type.Schema] = schemas = Compile(Folder + type.Schema);
            }
            _types[new MessageType(type.NamespaceUri, type.RootElement)] = (type, schemas);
        }
    }

    public IEnumerable<BusinessType> Types => _types.Values.Select(t => t.Type);

    public BusinessType? Find(MessageType type) => _types.TryGetValue(type, out var found) ? found.Type : null;

    /// <summary>
    /// Validates a business document of a registered type; throws <c>InvalidContent</c> listing what is wrong.
    /// Documents of types the catalog does not know pass: whether a type may be sent at all is the directory's decision.
    /// </summary>
    public void Validate(XmlElement document)
    {
        if (!_types.TryGetValue(MessageType.Of(document), out var registered))
        {
            return;
        }
        var errors = new List<ValidationError>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = registered.Schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        var total = 0;
        settings.ValidationEventHandler += (_, e) =>
        {
            total++;
            if (errors.Count < MaxReportedErrors)
            {
                // Validator messages quote whole values, personal data among them: keep them short.
                var message = e.Message.Length <= MaxMessageLength ? e.Message : e.Message[..MaxMessageLength] + "…";
                errors.Add(new ValidationError(message, e.Exception?.LineNumber ?? 0));
            }
        };
        using (var reader = XmlReader.Create(new XmlNodeReader(document), settings))
        {
            while (reader.Read())
            {
            }
        }
        if (total > 0)
        {
            throw new SmevFaultException(SmevFault.InvalidBusinessContent(
                $"The {registered.Type.RootElement} document does not satisfy its schema ({registered.Type.Schema}): {total} error(s).", errors));
        }
    }

    private static XmlSchemaSet Compile(string path)
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedSchemaResolver() };
        // A failed import is only a warning to XmlSchemaSet; a schema that does not load completely is an error here.
        set.ValidationEventHandler += (_, e) =>
            throw new InvalidDataException($"Business schema {path} does not compile: {e.Message}", e.Exception);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new EmbeddedSchemaResolver() };
        using var reader = XmlReader.Create(SchemaFiles.Open(path), settings, EmbeddedSchemaResolver.AddressOf(path).ToString());
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
