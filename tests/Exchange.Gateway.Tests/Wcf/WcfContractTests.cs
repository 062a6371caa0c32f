using System.Reflection;
using System.ServiceModel;
using System.Xml;
using System.Xml.Linq;

namespace Exchange.Gateway.Tests.Wcf;

/// <summary>
/// dotnet-svcutil is not available here, so the WCF contracts are written by hand. These tests read the WSDLs the
/// gateway serves and hold each contract against its port type: every operation, its SOAP action, and its request
/// and response body elements (names and namespaces). A change on either side without the other fails the build.
/// </summary>
public sealed class WcfContractTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";

    public static TheoryData<string, Type> Contracts => new()
    {
        { "", typeof(ISmevMessageExchange) },
        { Gateway.Soap.ServiceDescription.MessageStatusWsdl, typeof(IExchangeMessageStatus) },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task the_hand_written_contract_matches_the_served_wsdl_operation_for_operation(string wsdlName, Type contract)
    {
        var wsdl = XDocument.Parse(await gateway.Http.GetStringAsync(
            new Uri(gateway.SoapEndpoint + "?wsdl" + (wsdlName.Length > 0 ? "=" + wsdlName : "")), TestContext.Current.CancellationToken));

        var served = ServedOperations(wsdl);
        var written = WrittenOperations(contract);

        var service = contract.GetCustomAttribute<ServiceContractAttribute>()!;
        Assert.Equal((string)wsdl.Root!.Attribute("targetNamespace")!, service.Namespace);
        Assert.Equal((string)wsdl.Root.Element(Wsdl + "portType")!.Attribute("name")!, service.Name);
        Assert.Equal(Describe(served), Describe(written));
    }

    private sealed record Operation(string Name, string SoapAction, XmlQualifiedName Input, XmlQualifiedName Output);

    private static string Describe(IEnumerable<Operation> operations) =>
        string.Join(Environment.NewLine, operations.OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => $"{o.Name}: action {o.SoapAction}, in {o.Input}, out {o.Output}"));

    private static IReadOnlyList<Operation> ServedOperations(XDocument wsdl)
    {
        var root = wsdl.Root!;
        var messages = root.Elements(Wsdl + "message").ToDictionary(
            m => (string)m.Attribute("name")!,
            m => Resolve(m.Element(Wsdl + "part")!, (string)m.Element(Wsdl + "part")!.Attribute("element")!));
        var actions = root.Element(Wsdl + "binding")!.Elements(Wsdl + "operation").ToDictionary(
            o => (string)o.Attribute("name")!,
            o => (string)o.Element(Soap + "operation")!.Attribute("soapAction")!);
        return root.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").Select(o => new Operation(
            (string)o.Attribute("name")!,
            actions[(string)o.Attribute("name")!],
            messages[LocalPart((string)o.Element(Wsdl + "input")!.Attribute("message")!)],
            messages[LocalPart((string)o.Element(Wsdl + "output")!.Attribute("message")!)])).ToList();
    }

    private static IReadOnlyList<Operation> WrittenOperations(Type contract) =>
        contract.GetMethods().Select(method =>
        {
            var operation = method.GetCustomAttribute<OperationContractAttribute>()
                ?? throw new InvalidOperationException($"{contract.Name}.{method.Name} is not an operation contract.");
            var name = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
            return new Operation(name, operation.Action!,
                BodyElement(method.GetParameters().Single().ParameterType),
                BodyElement(method.ReturnType.GetGenericArguments().Single()));
        }).ToList();

    /// <summary>The one body element of a bare message contract: its member's name and namespace.</summary>
    private static XmlQualifiedName BodyElement(Type messageContract)
    {
        Assert.False(messageContract.GetCustomAttribute<MessageContractAttribute>()!.IsWrapped, $"{messageContract.Name} is wrapped");
        var member = messageContract.GetProperties().Single(p => p.GetCustomAttribute<MessageBodyMemberAttribute>() is not null);
        var body = member.GetCustomAttribute<MessageBodyMemberAttribute>()!;
        return new XmlQualifiedName(body.Name ?? member.Name, body.Namespace);
    }

    private static XmlQualifiedName Resolve(XElement scope, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        var namespaceUri = scope.GetNamespaceOfPrefix(qualifiedName[..colon])!.NamespaceName;
        return new XmlQualifiedName(qualifiedName[(colon + 1)..], namespaceUri);
    }

    private static string LocalPart(string qualifiedName) => qualifiedName[(qualifiedName.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
