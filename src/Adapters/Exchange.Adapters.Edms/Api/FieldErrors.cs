using System.Globalization;
using System.Text.RegularExpressions;
using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <summary>
/// Problems with a request's fields, each under its JSON path (<c>signer.surname</c>, <c>files[0].content</c>), answered
/// as RFC 9457 validation problem details.
/// </summary>
internal sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public IResult Problem() => TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request has invalid fields.");

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>The text trimmed, or "" with an error when it is missing, blank or longer than <paramref name="maxLength"/>.</summary>
    public string Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return "";
        }
        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        if (!CarriesAsXml(value))
        {
            // It goes into the documents the exchange sends: a control character there could never be sent.
            Add(field, "Contains a control character a document cannot carry.");
        }
        return value.Trim();
    }

    private static bool CarriesAsXml(string value)
    {
        try
        {
            System.Xml.XmlConvert.VerifyXmlChars(value);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>One part of a person's name as the region's schemas allow it: letters, words joined by a space, hyphen or apostrophe.</summary>
    public string NamePart(string field, string? value)
    {
        var text = Text(field, value, 60);
        if (text.Length > 0 && !NamePartPattern().IsMatch(text))
        {
            Add(field, "Letters only, words joined by a space, a hyphen or an apostrophe.");
        }
        return text;
    }

    /// <summary>An ISO 8601 instant with its offset (<c>2026-12-01T09:00:00+03:00</c>); null when absent or invalid.</summary>
    public DateTimeOffset? Time(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || (value.EndsWith('Z') && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out at)))
        {
            return at;
        }
        Add(field, "An ISO 8601 time with its offset, e.g. 2026-12-01T09:00:00+03:00.");
        return null;
    }

    public RegistrationNumber? Number(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (RegistrationNumber.TryParse(value, out var number))
        {
            return number;
        }
        Add(field, "A registration number: the journal's code, a slash and the number, e.g. 01-15/123.");
        return null;
    }

    public int Limit(string field, int? value, int defaultValue, int max)
    {
        if (value is { } limit && (limit < 1 || limit > max))
        {
            Add(field, $"From 1 to {max}.");
        }
        return Math.Clamp(value ?? defaultValue, 1, max);
    }

    [GeneratedRegex(@"^[\p{L}\p{M}]+([ '’\-][\p{L}\p{M}]+)*$")]
    private static partial Regex NamePartPattern();
}
