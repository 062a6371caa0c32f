using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>
/// <c>schemas/business/catalog.json</c> read strictly: an unknown or missing field, or a null where the entry
/// needs a value, fails the read, as it would fail the gateway's business-type registry.
/// </summary>
internal static class BusinessCatalog
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static IReadOnlyList<BusinessCatalogEntry> Entries { get; } = Load();

    public static TheoryData<string> QualifiedNames => new(Entries.Select(entry => entry.QualifiedName));

    public static BusinessCatalogEntry Get(string qualifiedName) =>
        Entries.SingleOrDefault(entry => entry.QualifiedName == qualifiedName)
        ?? throw new KeyNotFoundException($"{qualifiedName} is not in the catalog.");

    private static List<BusinessCatalogEntry> Load()
    {
        var path = Path.Combine(BusinessSchemaFolder.Root, "catalog.json");
        return JsonSerializer.Deserialize<List<BusinessCatalogEntry>>(File.ReadAllBytes(path), Strict)
            ?? throw new InvalidDataException($"{path} holds null instead of a list of message types.");
    }
}
