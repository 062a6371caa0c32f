using System.Text.RegularExpressions;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>
/// Assertions on validation findings that say which element was wrong, not merely that something was. They rely
/// on the wording of System.Xml's messages, which InvariantGlobalization keeps in English.
/// </summary>
internal static partial class ValidationAssert
{
    public static void Valid(IReadOnlyList<ValidationFinding> findings) =>
        Assert.True(findings.Count == 0, "Expected no findings, got:" + Environment.NewLine + Listed(findings));

    /// <summary>The element itself is wrong (its value, or its being there): the error is raised on it and names it.</summary>
    public static void RefusedAt(IReadOnlyList<ValidationFinding> findings, string element) =>
        Assert.True(
            findings.Any(f => f.Severity == XmlSeverityType.Error && f.Element == element
                && (f.Message.Contains($":{element}' element is invalid", StringComparison.Ordinal)
                    || f.Message.Contains($"invalid child element '{element}'", StringComparison.Ordinal))),
            $"Expected an error on {element} that names it, got:" + Environment.NewLine + Listed(findings));

    /// <summary>
    /// A required element is absent: the error names the parent and lists the missing element among those expected
    /// (raised on the element found in its place, or on the parent when nothing follows).
    /// </summary>
    public static void Missing(IReadOnlyList<ValidationFinding> findings, string parent, string missing) =>
        Assert.True(
            findings.Any(f => f.Severity == XmlSeverityType.Error
                && f.Message.StartsWith($"The element '{parent}'", StringComparison.Ordinal)
                && Expected(f.Message).Contains(missing)),
            $"Expected an error on {parent} that lists the missing {missing}, got:" + Environment.NewLine + Listed(findings));

    /// <summary>An identity constraint (xs:key, xs:keyref, xs:unique) of the schema is violated.</summary>
    public static void ViolatesConstraint(IReadOnlyList<ValidationFinding> findings, string constraint) =>
        Assert.True(
            findings.Any(f => f.Severity == XmlSeverityType.Error && f.Message.Contains($":{constraint}'", StringComparison.Ordinal)),
            $"Expected a violation of {constraint}, got:" + Environment.NewLine + Listed(findings));

    private static HashSet<string> Expected(string message)
    {
        var at = message.IndexOf("expected:", StringComparison.Ordinal);
        return at < 0
            ? []
            : QuotedList().Matches(message[at..]).SelectMany(m => m.Groups["names"].Value.Split(", ")).ToHashSet(StringComparer.Ordinal);
    }

    private static string Listed(IReadOnlyList<ValidationFinding> findings) => string.Join(Environment.NewLine, findings);

    [GeneratedRegex("'(?<names>[^']+)' in namespace")]
    private static partial Regex QuotedList();
}
