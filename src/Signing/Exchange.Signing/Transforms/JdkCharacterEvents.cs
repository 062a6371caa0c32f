namespace Exchange.Signing.Transforms;

/// <summary>
/// Cuts a run of character data into the CHARACTERS events the JDK's built-in StAX parser reports for it and writes
/// the ones the reference keeps. The reference drops an event when <c>data.trim().isEmpty()</c>, so where the JDK
/// cuts decides which whitespace is hashed: <c>&amp;lt; &amp;gt;</c> becomes <c>&amp;lt;&amp;gt;</c>, a
/// <c>&amp;#xD;</c> is lost, and the whitespace after a text's last line break can go.
/// </summary>
/// <remarks>
/// The text is the value of a run the exclusive-c14n octets spell out, in which <c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c> and CR can only come from a reference. How the JDK 17 scanner cuts (checked against it):
/// every reference is an event of its own; any other event is one scanned chunk (leading LFs, then characters up to
/// an LF, <c>]</c>, reference, supplementary character or the end), extended by the <c>]</c>s it stopped at and,
/// unless it stopped at a reference or a supplementary character, by one more chunk; a supplementary character
/// closes the event it is reached in. Not reproduced: the extra cuts where the JDK refills its input buffer (within the
/// first 32 bytes, then about every 8 KiB); one inside a multi-line text can change whether its blank last line is kept.
/// </remarks>
internal static class JdkCharacterEvents
{
    public static void WriteKept(ReadOnlySpan<char> text, CanonicalWriter writer)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = IsReference(text[start]) ? start + 1 : EndOfEvent(text, start);
            WriteIfNotBlank(text[start..end], writer);
            start = end;
        }
    }

    /// <summary>Writes one event unless Java's <c>trim()</c> would empty it (all characters at most U+0020).</summary>
    /// <remarks>Not <c>string.IsNullOrWhiteSpace</c>: NBSP, U+2003 and the like are kept by the reference.</remarks>
    public static void WriteIfNotBlank(ReadOnlySpan<char> data, CanonicalWriter writer)
    {
        foreach (var c in data)
        {
            if (c > ' ')
            {
                writer.Text(data);
                return;
            }
        }
    }

    private static int EndOfEvent(ReadOnlySpan<char> text, int start)
    {
        var end = EndOfChunk(text, start);
        if (end == text.Length || IsReference(text[end]))
        {
            return end;
        }
        if (char.IsHighSurrogate(text[end]))
        {
            return end + 2;
        }
        end = SkipBrackets(text, end);
        end = EndOfChunk(text, end);
        return end < text.Length ? SkipBrackets(text, end) : end;
    }

    private static int EndOfChunk(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '\n')
        {
            end++;
        }
        while (end < text.Length && IsPlain(text[end]))
        {
            end++;
        }
        return end;
    }

    private static int SkipBrackets(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == ']')
        {
            end++;
        }
        return end;
    }

    private static bool IsReference(char c) => c is '&' or '<' or '>' or '\r';

    private static bool IsPlain(char c) => c is not ('\n' or ']') && !IsReference(c) && !char.IsSurrogate(c);
}
