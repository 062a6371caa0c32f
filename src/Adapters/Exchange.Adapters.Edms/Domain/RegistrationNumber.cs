using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Exchange.Adapters.Edms.Domain;

/// <summary>A document's registration number: its journal's code and its number in that journal, written <c>01-15/123</c>.</summary>
public readonly record struct RegistrationNumber(string Journal, int Number)
{
    public override string ToString() => $"{Journal}/{Number.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out RegistrationNumber? number)
    {
        number = null;
        var slash = text?.LastIndexOf('/') ?? -1;
        if (slash <= 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return false;
        }
        number = new RegistrationNumber(text![..slash], n);
        return true;
    }
}
