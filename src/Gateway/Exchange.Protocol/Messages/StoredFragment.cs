using System.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>Writes a stored, self-contained XML element (e.g. a sender's signed request data) into an answer.</summary>
internal static class StoredFragment
{
    // Stored fragments were parsed with the hostile-input limits on entry; these settings only keep a
    // corrupted store from smuggling a DTD into an answer.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
    };

    public static void Write(XmlWriter writer, string xml)
    {
        using var stored = XmlReader.Create(new StringReader(xml), Settings);
        stored.MoveToContent();
        writer.WriteNode(stored, defattr: false);
    }
}
