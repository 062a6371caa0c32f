using System.Xml;

namespace Exchange.Protocol.Tests.Schemas;

public sealed class WsdlTests
{
    private static readonly WsdlModel Ours = WsdlModel.Load(SchemaFolders.OursFile(SchemaFolders.OurWsdl));
    private static readonly WsdlModel Official = WsdlModel.Load(SchemaFolders.OfficialFile(SchemaFolders.OfficialWsdl));

    public static TheoryData<string> OfficialOperations => [.. Official.Operations.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void our_wsdl_offers_the_same_operations_as_the_official_one()
    {
        Assert.Equal(["Ack", "GetRequest", "GetResponse", "GetStatus", "SendRequest", "SendResponse"], Official.Operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Official.Operations.Keys.Order(StringComparer.Ordinal), Ours.Operations.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OfficialOperations))]
    public void an_operation_carries_the_same_body_elements_as_the_official_one(string operation)
    {
        var (official, ours) = (Official.Operations[operation], Ours.Operations[operation]);
        Assert.Equal(official.Input, ours.Input);
        Assert.Equal(official.Output, ours.Output);
        Assert.Equal(new XmlQualifiedName(operation + "Request", SampleDocuments.TypesNs), ours.Input);
        Assert.Equal(new XmlQualifiedName(operation + "Response", SampleDocuments.TypesNs), ours.Output);
    }

    [Theory]
    [MemberData(nameof(OfficialOperations))]
    public void an_operation_declares_the_same_faults_with_the_same_detail_elements_as_the_official_one(string operation)
    {
        var (official, ours) = (Official.Operations[operation], Ours.Operations[operation]);
        Assert.Equal(Describe(official.Faults), Describe(ours.Faults));
        Assert.All(ours.Faults.Values, element => Assert.Equal(SampleDocuments.FaultsNs, element.Namespace));
    }

    [Theory]
    [MemberData(nameof(OfficialOperations))]
    public void an_operation_is_bound_document_literal_with_soap_action_urn_and_its_name(string operation)
    {
        var (official, ours) = (Official.Operations[operation], Ours.Operations[operation]);
        Assert.Equal("urn:" + operation, ours.SoapAction);
        Assert.Equal(official.SoapAction, ours.SoapAction);
        Assert.Equal("document", ours.Style);
        Assert.Equal(official.Style, ours.Style);
        Assert.Equal("literal", ours.InputUse);
        Assert.Equal("literal", ours.OutputUse);
        Assert.Equal(official.Faults.Keys.Order(StringComparer.Ordinal), ours.BoundFaults.Keys.Order(StringComparer.Ordinal));
        Assert.All(ours.BoundFaults, fault => Assert.Equal($"{fault.Key} literal", fault.Value));
        Assert.Equal(Describe(official.BoundFaults), Describe(ours.BoundFaults));
    }

    [Fact]
    public void the_port_type_binding_service_and_port_have_the_official_names()
    {
        Assert.Equal(Official.TargetNamespace, Ours.TargetNamespace);
        Assert.Equal("urn://x-artefacts-smev-gov-ru/services/message-exchange/1.3", Ours.TargetNamespace);
        Assert.Equal((Official.PortType, Official.Binding, Official.Service, Official.Port), (Ours.PortType, Ours.Binding, Ours.Service, Ours.Port));
        Assert.Equal(
            ("SMEVMessageExchangePortType", "SMEVMessageExchangeSoap11Binding", "SMEVMessageExchangeService", "SMEVMessageExchangeEndpoint"),
            (Ours.PortType, Ours.Binding, Ours.Service, Ours.Port));
        Assert.Equal(Ours.PortType, Ours.BindingPortType);
        Assert.Equal(Ours.Binding, Ours.PortBinding);
        Assert.NotNull(Ours.Address);
    }

    [Fact]
    public void the_binding_is_soap_1_1_over_http_only()
    {
        Assert.Equal(WsdlNames.HttpTransport, Ours.Transport);
        Assert.Equal(Official.Transport, Ours.Transport);
        Assert.Equal([WsdlNames.Soap11], Ours.SoapBindingNamespaces);
        Assert.Equal(Official.SoapBindingNamespaces, Ours.SoapBindingNamespaces);
    }

    [Fact]
    public void mtom_is_offered_as_an_optional_policy_as_in_the_official_wsdl()
    {
        Assert.True(Official.MtomOptional);
        Assert.True(Ours.MtomOptional);
    }

    [Fact]
    public void every_element_our_wsdl_refers_to_is_a_global_element_of_our_schemas()
    {
        var referenced = Ours.Operations.Values.SelectMany(o => o.Faults.Values.Append(o.Input).Append(o.Output)).Distinct().ToList();
        Assert.All(referenced, element => Assert.True(SchemaSets.Ours.Set.GlobalElements.Contains(element), $"{element} is not declared"));
    }

    private static string Describe<T>(IReadOnlyDictionary<string, T> map) =>
        string.Join(Environment.NewLine, map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} -> {p.Value}"));
}
