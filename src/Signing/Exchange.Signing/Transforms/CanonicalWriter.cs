using System.Buffers;
using System.Text;

namespace Exchange.Signing.Transforms;

/// <summary>
/// Writes the transform's output as UTF-8 octets, escaping as the JDK's built-in StAX writer does (what the
/// reference ran on): text escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>; attribute values and namespace URIs
/// also escape <c>"</c> and leave TAB, LF and CR raw. XmlWriter is not used: it refuses <c>xmlns:ns1=""</c>, which
/// the reference writes for no-namespace elements, and escapes differently.
/// </summary>
internal sealed class CanonicalWriter
{
    // Lone surrogates cannot come out of a checking XmlReader; if one ever did, failing beats hashing U+FFFD.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _output = new();

    public void StartTag(string prefix, string localName)
    {
        WriteRaw("<");
        WriteName(prefix, localName);
    }

    public void NamespaceDeclaration(string prefix, string uri)
    {
        WriteRaw(" xmlns:");
        WriteRaw(prefix);
        WriteRaw("=\"");
        WriteEscaped(uri, inAttribute: true);
        WriteRaw("\"");
    }

    public void Attribute(string? prefix, string localName, string value)
    {
        WriteRaw(" ");
        WriteName(prefix, localName);
        WriteRaw("=\"");
        WriteEscaped(value, inAttribute: true);
        WriteRaw("\"");
    }

    public void CloseStartTag() => WriteRaw(">");

    public void Text(ReadOnlySpan<char> text) => WriteEscaped(text, inAttribute: false);

    public void EndTag(string prefix, string localName)
    {
        WriteRaw("</");
        WriteName(prefix, localName);
        WriteRaw(">");
    }

    public byte[] ToArray() => _output.WrittenSpan.ToArray();

    private void WriteName(string? prefix, string localName)
    {
        if (prefix is not null)
        {
            WriteRaw(prefix);
            WriteRaw(":");
        }
        WriteRaw(localName);
    }

    private void WriteEscaped(ReadOnlySpan<char> value, bool inAttribute)
    {
        var specials = inAttribute ? "&<>\"" : "&<>";
        while (!value.IsEmpty)
        {
            var next = value.IndexOfAny(specials);
            if (next < 0)
            {
                WriteRaw(value);
                return;
            }
            WriteRaw(value[..next]);
            WriteRaw(value[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            value = value[(next + 1)..];
        }
    }

    private void WriteRaw(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var written = Utf8.GetBytes(text, _output.GetSpan(Utf8.GetMaxByteCount(text.Length)));
        _output.Advance(written);
    }
}
