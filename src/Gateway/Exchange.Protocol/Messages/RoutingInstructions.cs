using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>
/// A request's <c>rout:Routing</c>: the sender names its recipient (<c>IdentifierRouting</c>, by mnemonic) or the
/// territory whose provider should receive it (<c>DynamicRouting</c>, by the territory's mnemonic), signed by the
/// sender system over <c>RoutingInformation</c>, which names the MessageID it belongs to.
/// </summary>
public sealed record RoutingInstructions
{
    public required XmlElement Information { get; init; }
    public required XmlElement? Signature { get; init; }
    public required Guid MessageId { get; init; }
    public IReadOnlyList<string> Identifiers { get; init; } = [];
    public IReadOnlyList<string> DynamicValues { get; init; } = [];

    /// <summary>The explicit recipient, if the sender named one.</summary>
    public string? To => Identifiers.Count > 0 ? Identifiers[0] : null;

    /// <summary>The territory the request is filed for, if the sender named one.</summary>
    public string? Territory => DynamicValues.Count > 0 ? DynamicValues[0] : null;

    public static RoutingInstructions? Parse(XmlElement operation)
    {
        const string ns = SmevNamespaces.Routing;
        if (operation.OptionalChild(ns, "Routing") is not { } routing)
        {
            return null;
        }
        var information = routing.RequiredChild(ns, "RoutingInformation");
        if (information.OptionalChild(ns, "RegistryRouting") is not null)
        {
            throw SmevFaultException.InvalidStructure(
                "RegistryRouting (routing per registry record) is not supported; name the recipient in IdentifierRouting or the territory in DynamicRouting.");
        }
        var instructions = new RoutingInstructions
        {
            Information = information,
            Signature = routing.OptionalChild(ns, "RoutingSignature"),
            MessageId = MessageIds.Parse(information.RequiredText(ns, "MessageID")),
            Identifiers = Values(information, "IdentifierRouting", "IdentifierValue"),
            DynamicValues = Values(information, "DynamicRouting", "DynamicValue"),
        };
        // One recipient or one territory per message: several would each need their own message and status history.
        if (instructions.Identifiers.Count > 1 || instructions.DynamicValues.Count > 1)
        {
            throw SmevFaultException.InvalidStructure("Routing names more than one IdentifierValue or DynamicValue; send one message per recipient or territory.");
        }
        if (instructions.Identifiers.Count == 1 && instructions.DynamicValues.Count == 1)
        {
            throw SmevFaultException.InvalidStructure("Routing names both a recipient (IdentifierRouting) and a territory (DynamicRouting); name one.");
        }
        return instructions;
    }

    /// <summary>Writes <c>rout:Routing</c> with an empty <c>RoutingSignature</c> for the caller to sign into.</summary>
    public static (XmlElement Information, XmlElement SignatureHolder) Write(XmlElement operation, Guid messageId, string? to, string? territory)
    {
        const string ns = SmevNamespaces.Routing;
        var document = operation.OwnerDocument;
        var routing = (XmlElement)operation.AppendChild(document.CreateElement("rout", "Routing", ns))!;
        var information = (XmlElement)routing.AppendChild(document.CreateElement("rout", "RoutingInformation", ns))!;
        information.SetAttribute("Id", "SIGNED_ROUTING");
        information.AppendChild(document.CreateElement("rout", "MessageID", ns))!.InnerText = messageId.ToString();
        if (territory is not null)
        {
            information.AppendChild(document.CreateElement("rout", "DynamicRouting", ns))!
                .AppendChild(document.CreateElement("rout", "DynamicValue", ns))!.InnerText = territory;
        }
        if (to is not null)
        {
            information.AppendChild(document.CreateElement("rout", "IdentifierRouting", ns))!
                .AppendChild(document.CreateElement("rout", "IdentifierValue", ns))!.InnerText = to;
        }
        var holder = (XmlElement)routing.AppendChild(document.CreateElement("rout", "RoutingSignature", ns))!;
        return (information, holder);
    }

    private static List<string> Values(XmlElement information, string list, string value) =>
        information.OptionalChild(SmevNamespaces.Routing, list) is { } found
            ? found.ChildElements().Where(e => e.LocalName == value && e.NamespaceURI == SmevNamespaces.Routing).Select(e => e.InnerText.Trim()).ToList()
            : [];
}
