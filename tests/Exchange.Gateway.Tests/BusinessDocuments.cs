using System.Xml;

namespace Exchange.Gateway.Tests;

/// <summary>Business documents for tests.</summary>
public static class BusinessDocuments
{
    public static XmlElement Appeal(string text, string namespaceUri = "urn://exchange.test/appeal/1.0", string root = "Appeal")
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var appeal = document.CreateElement("a", root, namespaceUri);
        var body = document.CreateElement("a", "Text", namespaceUri);
        body.InnerText = text;
        appeal.AppendChild(body);
        document.AppendChild(appeal);
        return appeal;
    }
}
