using System.Text.Json;

namespace Exchange.Domain.Audit;

/// <summary>
/// One entry of the audit, either kind: a directory change names its <see cref="Entity"/> and <see cref="Key"/> with the
/// entry as JSON before and after; a console action names its message and the reason its user gave.
/// </summary>
/// <param name="Kind">One of <see cref="AuditKind.All"/>.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Kind, string? Node,
    string? Entity = null, string? Key = null, string? Before = null, string? After = null,
    Guid? MessageId = null, string? Reason = null)
{
    private const int MaxShownValue = 80;

    /// <summary>
    /// The top-level fields a directory change altered, with their values before and after as compact JSON (cut to
    /// <see cref="MaxShownValue"/> characters); every field of the entry when it was added or removed.
    /// </summary>
    public IReadOnlyList<(string Field, string? Before, string? After)> ChangedFields()
    {
        var before = Fields(Before);
        var after = Fields(After);
        return before.Keys.Union(after.Keys)
            .Select(field => (field, Before: before.GetValueOrDefault(field), After: after.GetValueOrDefault(field)))
            .Where(f => f.Before != f.After)
            .ToList();
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        if (json is null)
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? new() { [""] = Shown(document.RootElement) }
            : document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Shown(p.Value));
    }

    private static string Shown(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text.Length <= MaxShownValue ? text : text[..(MaxShownValue - 1)] + "…";
    }
}
