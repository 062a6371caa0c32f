using System.Text;

namespace Exchange.Protocol.Mtom;

/// <summary>The headers of one MIME part that matter for XOP: Content-ID, Content-Type, Content-Transfer-Encoding.</summary>
internal sealed record PartHeaders(string? ContentId, string? ContentType)
{
    public static PartHeaders Parse(ReadOnlySpan<byte> block, int partNumber)
    {
        string? id = null, type = null;
        foreach (var line in Encoding.ASCII.GetString(block).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw MtomReader.Malformed($"Part {partNumber} has a header line without a name: '{line}'.");
            }
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase))
            {
                id = StripAngles(value);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
            else if (name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && !(value.Equals("binary", StringComparison.OrdinalIgnoreCase) || value.Equals("8bit", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("7bit", StringComparison.OrdinalIgnoreCase)))
            {
                // XOP parts carry raw octets; base64 or quoted-printable parts would defeat its purpose.
                throw MtomReader.Malformed($"Part {partNumber} uses Content-Transfer-Encoding '{value}'; only binary, 8bit and 7bit are accepted.");
            }
        }
        return new PartHeaders(id, type);
    }

    public static string StripAngles(string value) =>
        value.Length >= 2 && value[0] == '<' && value[^1] == '>' ? value[1..^1] : value;
}
