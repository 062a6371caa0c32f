using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Exchange.Gateway.Soap;

/// <summary>
/// HTTP <c>Prefer</c> (RFC 7240), of which the gateway honours <c>wait</c>: an extension beside the SMEV wire, so a
/// client that does not send it sees nothing change. A preference is a hint: what cannot be read is ignored, never refused.
/// </summary>
public static class PreferHeader
{
    public const string Name = "Prefer";
    public const string AppliedName = "Preference-Applied";

    /// <summary>
    /// The <c>wait</c> preferred in <paramref name="headers"/> (one or several, each a list of preferences with
    /// parameters); only its first instance counts (RFC 7240, section 2). Null when there is none, it is not whole
    /// seconds, or it is zero.
    /// </summary>
    public static TimeSpan? Wait(StringValues headers)
    {
        foreach (var header in headers)
        {
            foreach (var preference in Split(header ?? "", ','))
            {
                var token = Split(preference, ';')[0];
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? token : token[..equals]).Trim();
                if (name.Equals("wait", StringComparison.OrdinalIgnoreCase))
                {
                    return Seconds(equals < 0 ? "" : token[(equals + 1)..]) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;
                }
            }
        }
        return null;
    }

    /// <summary>The <c>Preference-Applied</c> value for a wait granted.</summary>
    public static string Applied(TimeSpan wait) => $"wait={(long)wait.TotalSeconds}";

    private static long? Seconds(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }
        if (value.Length == 0 || !value.All(char.IsAsciiDigit))
        {
            return null;
        }
        // Any wait past the gateway's bound is cut to it, so a number too long to read is as good as a long one.
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= int.MaxValue ? seconds : int.MaxValue;
    }

    /// <summary>Splits on <paramref name="separator"/> outside quoted strings (a value may quote a comma or a semicolon).</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (quoted && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
