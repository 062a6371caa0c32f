using System.Xml;
using System.Xml.Linq;

namespace Exchange.Protocol.Tests.Schemas;

internal static class WsdlNames
{
    public const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public const string Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public const string Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public const string HttpTransport = "http://schemas.xmlsoap.org/soap/http";
    public const string Policy = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    public const string WsUtility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string Mtom = "http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization";
}

/// <summary>One operation as a client sees it: body elements, faults, and how the SOAP binding carries them.</summary>
internal sealed record WsdlOperation(
    string Name,
    XmlQualifiedName Input,
    XmlQualifiedName Output,
    IReadOnlyDictionary<string, XmlQualifiedName> Faults,
    string? SoapAction,
    string Style,
    string InputUse,
    string OutputUse,
    IReadOnlyDictionary<string, string> BoundFaults);

/// <summary>The parts of a WSDL 1.1 document that decide what goes on the wire, read from its XML.</summary>
internal sealed record WsdlModel(
    string TargetNamespace,
    string PortType,
    string Binding,
    string BindingPortType,
    string Transport,
    IReadOnlyList<string> SoapBindingNamespaces,
    string Service,
    string Port,
    string PortBinding,
    string? Address,
    bool MtomOptional,
    IReadOnlyDictionary<string, WsdlOperation> Operations)
{
    private static readonly XNamespace W = WsdlNames.Wsdl;
    private static readonly XNamespace Soap = WsdlNames.Soap11;

    public static WsdlModel Load(string path)
    {
        var root = SchemaSets.LoadSafely(path).Root!;
        if (root.Name != W + "definitions")
        {
            throw new XmlException($"{path}: not a WSDL 1.1 document");
        }
        var targetNamespace = (string)root.Attribute("targetNamespace")!;

        var messages = root.Elements(W + "message").ToDictionary(
            m => new XmlQualifiedName((string)m.Attribute("name")!, targetNamespace),
            m =>
            {
                var part = Single(m.Elements(W + "part"), $"message {m.Attribute("name")} parts");
                return Resolve(part, (string?)part.Attribute("element") ?? throw new XmlException($"part of {m.Attribute("name")} has no element"));
            });

        var portType = Single(root.Elements(W + "portType"), "port types");
        var binding = Single(root.Elements(W + "binding"), "bindings");
        var soapBinding = Single(binding.Elements(Soap + "binding"), "soap:binding");
        var bindingStyle = (string?)soapBinding.Attribute("style") ?? "document";
        var boundOperations = binding.Elements(W + "operation").ToDictionary(o => (string)o.Attribute("name")!);

        var operations = new Dictionary<string, WsdlOperation>();
        foreach (var operation in portType.Elements(W + "operation"))
        {
            var name = (string)operation.Attribute("name")!;
            XmlQualifiedName Message(XElement reference) => messages[Resolve(reference, (string)reference.Attribute("message")!)];
            var faults = operation.Elements(W + "fault").ToDictionary(f => (string)f.Attribute("name")!, Message);
            var bound = boundOperations.TryGetValue(name, out var b) ? b : throw new XmlException($"operation {name} is not bound");
            var soapOperation = bound.Element(Soap + "operation");
            operations.Add(name, new WsdlOperation(
                name,
                Message(Single(operation.Elements(W + "input"), $"{name} inputs")),
                Message(Single(operation.Elements(W + "output"), $"{name} outputs")),
                faults,
                (string?)soapOperation?.Attribute("soapAction"),
                (string?)soapOperation?.Attribute("style") ?? bindingStyle,
                BodyUse(bound.Element(W + "input")),
                BodyUse(bound.Element(W + "output")),
                bound.Elements(W + "fault").ToDictionary(
                    f => (string)f.Attribute("name")!,
                    f => f.Element(Soap + "fault") is { } soapFault ? $"{(string?)soapFault.Attribute("name")} {(string?)soapFault.Attribute("use")}" : "unbound")));
        }
        if (boundOperations.Keys.Except(operations.Keys).FirstOrDefault() is { } extra)
        {
            throw new XmlException($"binding has operation {extra} that the port type lacks");
        }

        var service = Single(root.Elements(W + "service"), "services");
        var port = Single(service.Elements(W + "port"), "ports");
        var policyId = binding.Elements(XName.Get("PolicyReference", WsdlNames.Policy)).Select(r => ((string?)r.Attribute("URI"))?.TrimStart('#')).FirstOrDefault();
        var mtomOptional = root.Elements(XName.Get("Policy", WsdlNames.Policy))
            .Where(p => policyId is not null && (string?)p.Attribute(XName.Get("Id", WsdlNames.WsUtility)) == policyId)
            .Elements(XName.Get("OptimizedMimeSerialization", WsdlNames.Mtom))
            .Any(m => (string?)m.Attribute(XName.Get("Optional", WsdlNames.Policy)) == "true");

        return new WsdlModel(
            targetNamespace,
            (string)portType.Attribute("name")!,
            (string)binding.Attribute("name")!,
            Resolve(binding, (string)binding.Attribute("type")!).Name,
            (string?)soapBinding.Attribute("transport") ?? "",
            root.Descendants().Select(e => e.Name.NamespaceName).Where(n => n is WsdlNames.Soap11 or WsdlNames.Soap12).Distinct().Order(StringComparer.Ordinal).ToList(),
            (string)service.Attribute("name")!,
            (string)port.Attribute("name")!,
            Resolve(port, (string)port.Attribute("binding")!).Name,
            (string?)port.Element(Soap + "address")?.Attribute("location"),
            mtomOptional,
            operations);
    }

    private static string BodyUse(XElement? inputOrOutput) => (string?)inputOrOutput?.Element(Soap + "body")?.Attribute("use") ?? "none";

    private static XElement Single(IEnumerable<XElement> elements, string what)
    {
        var list = elements.ToList();
        return list.Count == 1 ? list[0] : throw new XmlException($"expected exactly one of {what}, found {list.Count}");
    }

    private static XmlQualifiedName Resolve(XElement context, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : qualifiedName[..colon];
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(prefix) ?? throw new XmlException($"prefix {prefix} is not declared");
        return new XmlQualifiedName(qualifiedName[(colon + 1)..], ns.NamespaceName);
    }
}
