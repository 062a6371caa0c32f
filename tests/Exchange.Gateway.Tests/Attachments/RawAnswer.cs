using System.Net;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Mtom;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>What the gateway answered a hand-written request: status, Content-Type, and the envelope (the root part of an MTOM answer).</summary>
public sealed record RawAnswer(HttpStatusCode Status, string ContentType, byte[] Body)
{
    public static async Task<RawAnswer> PostAsync(HttpClient http, Uri endpoint, byte[] body, string contentType, string operation,
        CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Add("SOAPAction", $"\"urn:{operation}\"");
        using var response = await http.SendAsync(request, cancellationToken);
        return new RawAnswer(response.StatusCode, response.Content.Headers.ContentType!.ToString(),
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public bool IsMtom => MtomReader.IsMtom(ContentType);

    public MtomMessage Mtom => MtomReader.Read(ContentType, Body, new MtomLimits());

    /// <summary>The element in the SOAP Body.</summary>
    public XmlElement Answer
    {
        get
        {
            var document = new XmlDocument { PreserveWhitespace = true };
            document.Load(new MemoryStream(IsMtom ? Mtom.Root.ToArray() : Body));
            return document.DocumentElement!.GetElementsByTagName("Body", SmevNamespaces.Soap11)[0]!.ChildNodes.OfType<XmlElement>().Single();
        }
    }

    /// <summary>The fault's detail element name and its code (from faultstring, which every kind carries).</summary>
    public (string Element, string Code) Fault
    {
        get
        {
            Assert.Equal(HttpStatusCode.InternalServerError, Status);
            var fault = Answer;
            Assert.Equal("Fault", fault.LocalName);
            var detail = fault["detail"]!.ChildNodes.OfType<XmlElement>().Single();
            return (detail.LocalName, fault["faultstring"]!.InnerText.Split(':')[0]);
        }
    }
}
