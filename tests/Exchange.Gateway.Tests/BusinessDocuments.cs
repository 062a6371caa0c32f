using System.Xml;

namespace Exchange.Gateway.Tests;

/// <summary>Business documents for tests.</summary>
public static class BusinessDocuments
{
    public static XmlElement Appeal(string text, string namespaceUri = "urn://exchange.test/appeal/1.0", string root = "Appeal", string? id = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var appeal = document.CreateElement("a", root, namespaceUri);
        if (id is not null)
        {
            appeal.SetAttribute("Id", id);
        }
        var body = document.CreateElement("a", "Text", namespaceUri);
        body.InnerText = text;
        appeal.AppendChild(body);
        document.AppendChild(appeal);
        return appeal;
    }

    /// <summary>A citizen's appeal as schemas/business/appeal defines it; <paramref name="kind"/> must be one of its kinds to be valid.</summary>
    public static XmlElement CitizenAppeal(string text, string kind = "complaint")
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml($"""
            <CitizenAppeal xmlns="urn://exchange.region/appeal/1.0" xmlns:c="urn://exchange.region/common/1.0">
              <Applicant>
                <Name><c:Surname>Petrov</c:Surname><c:GivenName>Ivan</c:GivenName></Name>
                <Email>i.petrov@example.org</Email>
              </Applicant>
              <Kind>{kind}</Kind>
              <Addressee><c:Name>Health Committee of Leningrad oblast</c:Name></Addressee>
              <SubmittedAt>2026-11-25T10:00:00+03:00</SubmittedAt>
              <Text>{text}</Text>
            </CitizenAppeal>
            """);
        return document.DocumentElement!;
    }
}
