using System.Xml;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Xml;

/// <summary>
/// Loads XML from outside into a DOM that keeps every character as received (whitespace included, which
/// signatures depend on), refusing DTDs, external entities and documents past the configured limits.
/// </summary>
public static class SafeXmlLoader
{
    public static XmlDocument Load(ReadOnlyMemory<byte> xml, XmlLimits limits)
    {
        if (xml.Length > limits.MaxBytes)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.BodyTooLarge,
                $"The document has {xml.Length} bytes; at most {limits.MaxBytes} are accepted."));
        }

        // A first streaming pass enforces depth and attribute limits before a DOM is built, so a hostile
        // document costs one bounded scan and no memory beyond its own bytes.
        Scan(xml, limits);

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStreamOver(xml), ReaderSettings(limits));
        try
        {
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw Malformed(e);
        }
        return document;
    }

    public static XmlDocument Load(string xml, XmlLimits limits) =>
        Load(System.Text.Encoding.UTF8.GetBytes(xml), limits);

    private static void Scan(ReadOnlyMemory<byte> xml, XmlLimits limits)
    {
        using var reader = XmlReader.Create(new MemoryStreamOver(xml), ReaderSettings(limits));
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.Depth >= limits.MaxDepth)
                {
                    throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.TooDeep,
                        $"Elements are nested deeper than {limits.MaxDepth} levels."));
                }
                if (reader.AttributeCount > limits.MaxAttributesPerElement)
                {
                    throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.TooManyAttributes,
                        $"Element '{reader.Name}' has {reader.AttributeCount} attributes; at most {limits.MaxAttributesPerElement} are accepted."));
                }
                while (reader.MoveToNextAttribute())
                {
                    if (reader.Value.Length > limits.MaxAttributeLength)
                    {
                        throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.AttributeTooLong,
                            $"Attribute '{reader.Name}' is longer than {limits.MaxAttributeLength} characters."));
                    }
                }
            }
        }
        catch (XmlException e)
        {
            throw Malformed(e);
        }
    }

    private static XmlReaderSettings ReaderSettings(XmlLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = limits.MaxBytes,
        IgnoreComments = false,
        IgnoreWhitespace = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };

    private static SmevFaultException Malformed(XmlException e)
    {
        var code = e.Message.Contains("DTD", StringComparison.Ordinal) ? FaultCodes.DtdProhibited : FaultCodes.MalformedXml;
        var description = code == FaultCodes.DtdProhibited
            ? "Document type definitions are not accepted."
            : $"The XML is not well-formed: {e.Message}";
        return new SmevFaultException(SmevFault.InvalidContent(code, description, e.LineNumber), e);
    }

    /// <summary>A read-only stream over memory that does not copy it.</summary>
    private sealed class MemoryStreamOver(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => memory.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
