using System.Net.Http.Headers;
using System.Text;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Mtom;

/// <summary>
/// Splits a <c>multipart/related; type="application/xop+xml"</c> body (RFC 2387, XOP) into its root and binary parts.
/// Input is hostile: every malformation is an <c>InvalidContent</c> fault with its own code, never an exception of ours.
/// </summary>
public static class MtomReader
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>True when the Content-Type announces MTOM; it is then read with <see cref="Read"/>.</summary>
    public static bool IsMtom(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType == MtomMessage.MediaType;

    public static MtomMessage Read(string contentType, ReadOnlyMemory<byte> body, MtomLimits limits)
    {
        var (boundary, start) = Parameters(contentType);
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.Span;

        // The first delimiter opens the first part; anything before it is preamble (RFC 2046 5.1.1).
        var position = span.StartsWith(delimiter) ? 0 : IndexOfLineDelimiter(span, 0, delimiter);
        if (position < 0)
        {
            throw Malformed($"The body holds no part delimited by the boundary '{boundary}'.");
        }
        position += delimiter.Length;

        var parts = new List<(string? Id, string? Type, ReadOnlyMemory<byte> Content)>();
        while (true)
        {
            if (span[position..].StartsWith("--"u8))
            {
                break;
            }
            position = SkipToLineEnd(span, position);
            if (parts.Count == limits.MaxParts)
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomTooManyParts,
                    $"The MTOM request has more than {limits.MaxParts} parts."));
            }
            // The header lines end with an empty line; a part may have no headers at all (the empty line comes first).
            var headerLength = span[position..].StartsWith(CrLf) ? 0 : span[position..].IndexOf(HeaderEnd) is var end and >= 0 ? end + 2 : -1;
            if (headerLength < 0 || headerLength > limits.MaxPartHeaderBytes)
            {
                throw Malformed($"Part {parts.Count + 1} has no header block ending in an empty line within {limits.MaxPartHeaderBytes} bytes.");
            }
            var headers = PartHeaders.Parse(span.Slice(position, headerLength), parts.Count + 1);
            var contentStart = position + headerLength + 2;
            var next = IndexOfLineDelimiter(span, contentStart - 2, delimiter);
            if (next < 0)
            {
                throw Malformed($"Part {parts.Count + 1} is not closed by the boundary '{boundary}'.");
            }
            // The CRLF before the delimiter belongs to the delimiter, not to the content.
            parts.Add((headers.ContentId, headers.ContentType, body[contentStart..Math.Max(contentStart, next - 2)]));
            position = next + delimiter.Length;
        }

        if (parts.Count == 0)
        {
            throw Malformed("The body holds no parts.");
        }
        return Assemble(parts, start);
    }

    private static MtomMessage Assemble(List<(string? Id, string? Type, ReadOnlyMemory<byte> Content)> parts, string? start)
    {
        var rootIndex = start is null ? 0 : parts.FindIndex(p => p.Id == start);
        if (rootIndex < 0)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartMissing,
                $"The start parameter names part <{start}>, which the request does not have."));
        }
        var root = parts[rootIndex];
        if (!MediaTypeHeaderValue.TryParse(root.Type, out var rootType) || rootType.MediaType != MtomMessage.RootMediaType)
        {
            throw Malformed($"The root part must be {MtomMessage.RootMediaType}, not '{root.Type}'.");
        }

        var binary = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i == rootIndex)
            {
                continue;
            }
            var id = parts[i].Id ?? throw Malformed($"Part {i + 1} has no Content-ID, so nothing can refer to it.");
            if (!binary.TryAdd(id, parts[i].Content) || id == root.Id)
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartDuplicate,
                    $"Content-ID <{id}> is used by more than one part."));
            }
        }
        return new MtomMessage(root.Content, binary);
    }

    private static (string Boundary, string? Start) Parameters(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType != MtomMessage.MediaType)
        {
            throw Malformed($"Content-Type '{contentType}' is not multipart/related.");
        }
        string? Parameter(string name) => parsed.Parameters
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');

        if (Parameter("type") is not { } type || !string.Equals(type, MtomMessage.RootMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed($"multipart/related is accepted for MTOM only: type must be \"{MtomMessage.RootMediaType}\".");
        }
        var boundary = Parameter("boundary");
        // RFC 2046: 1 to 70 characters from a restricted set, not ending in a space.
        if (boundary is null || boundary.Length is 0 or > 70 || boundary.EndsWith(' ')
            || boundary.Any(c => !(char.IsAsciiLetterOrDigit(c) || "'()+_,-./:=? ".Contains(c))))
        {
            throw Malformed($"The boundary '{boundary}' is missing or not a valid RFC 2046 boundary.");
        }
        return (boundary, Parameter("start") is { } start ? PartHeaders.StripAngles(start) : null);
    }

    /// <summary>Where the next "CRLF--boundary" starts its "--boundary", searching from <paramref name="from"/>; -1 if none.</summary>
    private static int IndexOfLineDelimiter(ReadOnlySpan<byte> span, int from, byte[] delimiter)
    {
        Span<byte> pattern = stackalloc byte[delimiter.Length + 2];
        CrLf.CopyTo(pattern);
        delimiter.CopyTo(pattern[2..]);
        var found = from < 0 || from > span.Length ? -1 : span[from..].IndexOf(pattern);
        return found < 0 ? -1 : from + found + 2;
    }

    /// <summary>After a delimiter: optional transport padding (spaces, tabs), then CRLF.</summary>
    private static int SkipToLineEnd(ReadOnlySpan<byte> span, int position)
    {
        while (position < span.Length && span[position] is (byte)' ' or (byte)'\t')
        {
            position++;
        }
        return span[position..].StartsWith(CrLf) ? position + 2 : throw Malformed("A boundary delimiter is not followed by a line break.");
    }

    internal static SmevFaultException Malformed(string description) =>
        new(SmevFault.InvalidContent(FaultCodes.MtomMalformed, description));
}
