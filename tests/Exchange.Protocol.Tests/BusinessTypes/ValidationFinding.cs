using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>One schema validation event: the element it was raised on (local name), its severity and its message.</summary>
internal sealed record ValidationFinding(string Element, XmlSeverityType Severity, string Message)
{
    public override string ToString() => $"{Severity} at {Element}: {Message}";
}
