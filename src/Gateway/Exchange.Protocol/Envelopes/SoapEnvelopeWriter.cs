using System.Text;
using System.Xml;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Envelopes;

/// <summary>Writes SOAP 1.1 envelopes: an operation's answer, or a fault in SMEV's shape.</summary>
public static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
    };

    /// <summary>An envelope whose body is whatever <paramref name="writeBody"/> writes.</summary>
    public static byte[] Write(Action<XmlWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartElement("soap", "Envelope", SmevNamespaces.Soap11);
            writer.WriteStartElement("soap", "Body", SmevNamespaces.Soap11);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>An envelope around an answer built as a DOM (so it could be signed before it is written).</summary>
    public static byte[] Write(XmlElement body) => Write(body.WriteTo);

    /// <summary>Builds an answer body as a DOM element from what <paramref name="writeBody"/> writes.</summary>
    public static XmlElement BuildBody(Action<XmlWriter> writeBody)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var writer = document.CreateNavigator()!.AppendChild())
        {
            writeBody(writer);
        }
        return document.DocumentElement!;
    }

    public static byte[] WriteFault(SmevFault fault) => Write(writer =>
    {
        writer.WriteStartElement("soap", "Fault", SmevNamespaces.Soap11);
        // faultcode/faultstring/detail are unqualified in SOAP 1.1.
        writer.WriteElementString("faultcode", fault.IsServerFault ? "soap:Server" : "soap:Client");
        writer.WriteElementString("faultstring", fault.FaultString);
        writer.WriteStartElement("detail");
        writer.WriteStartElement("f", fault.Element, SmevNamespaces.Faults);
        if (fault.CarriesCode)
        {
            writer.WriteElementString("b", "Code", SmevNamespaces.Basic, fault.Code);
            writer.WriteElementString("b", "Description", SmevNamespaces.Basic, fault.Description);
            foreach (var (name, value) in fault.Details)
            {
                writer.WriteElementString("f", name, SmevNamespaces.Faults, value);
            }
            foreach (var error in fault.ValidationErrors)
            {
                writer.WriteStartElement("f", "ValidationError", SmevNamespaces.Faults);
                writer.WriteAttributeString("errorPosition", error.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString(error.Message);
                writer.WriteEndElement();
            }
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    });
}
