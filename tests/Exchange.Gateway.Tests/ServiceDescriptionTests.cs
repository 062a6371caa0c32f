using System.Net;
using System.Xml;
using System.Xml.Schema;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests;

public sealed class ServiceDescriptionTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_wsdl_describes_the_smev_service_at_this_gateways_address()
    {
        var wsdl = new XmlDocument();
        wsdl.LoadXml(await gateway.Http.GetStringAsync(new Uri(gateway.SoapEndpoint + "?wsdl"), Token));

        const string wsdlNs = "http://schemas.xmlsoap.org/wsdl/";
        var operations = wsdl.GetElementsByTagName("operation", wsdlNs).OfType<XmlElement>().Select(o => o.GetAttribute("name")).ToHashSet();
        Assert.Superset(new HashSet<string> { "SendRequest", "SendResponse", "GetRequest", "GetResponse", "GetStatus", "Ack" }, operations);
        var address = (XmlElement)wsdl.GetElementsByTagName("address", "http://schemas.xmlsoap.org/wsdl/soap/")[0]!;
        Assert.Equal(gateway.SoapEndpoint.ToString(), address.GetAttribute("location"));
        Assert.Equal(SmevNamespaces.Service, wsdl.DocumentElement!.GetAttribute("targetNamespace"));
    }

    [Fact]
    public void the_served_schemas_compile_from_the_gateway_by_their_relative_locations()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() };
        foreach (var name in new[] { "types-1.3.xsd", "faults-1.3.xsd" })
        {
            using var reader = XmlReader.Create(new Uri(gateway.SoapEndpoint, name).ToString(), settings);
            set.Add(null, reader);
        }
        set.Compile();

        Assert.True(set.GlobalElements.Contains(new XmlQualifiedName("SendRequestRequest", SmevNamespaces.Types)));
        Assert.True(set.GlobalElements.Contains(new XmlQualifiedName("MessageTypeSelector", SmevNamespaces.Basic)));
        Assert.True(set.GlobalElements.Contains(new XmlQualifiedName("SignatureVerificationFault", SmevNamespaces.Faults)));
    }

    [Fact]
    public async Task a_schema_is_also_served_by_name_and_nothing_else_is()
    {
        var byQuery = await gateway.Http.GetStringAsync(new Uri(gateway.SoapEndpoint + "?xsd=basic-1.3.xsd"), Token);
        Assert.Contains(SmevNamespaces.Basic, byQuery);

        using var escape = await gateway.Http.GetAsync(new Uri(gateway.SoapEndpoint + "?xsd=../../appsettings.json"), Token);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
        using var unknown = await gateway.Http.GetAsync(new Uri(gateway.SoapEndpoint + "?xsd=nothing.xsd"), Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
