using System.Diagnostics;
using System.Text;
using System.Xml;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Tests.Transforms;

public sealed class HostileInputTests
{
    [Fact]
    public void a_dtd_is_refused()
    {
        // Expanded, this would be 10^9 copies of "lol"; it must be refused at the DOCTYPE, before any expansion.
        var laughs = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }
        laughs.Append("]><r xmlns=\"urn:t\">&l9;</r>");
        var stopwatch = Stopwatch.StartNew();

        Assert.Throws<XmlException>(() => SmevTransform.Apply(Encoding.UTF8.GetBytes(laughs.ToString())));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Refusing took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void an_external_entity_is_refused_without_being_resolved()
    {
        var input = """<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r xmlns="urn:t">&x;</r>""";

        Assert.Throws<XmlException>(() => SmevTransform.Apply(Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void deep_nesting_is_transformed_without_recursion()
    {
        const int Depth = 100_000;
        var input = "<e xmlns=\"urn:t\">" + string.Concat(Enumerable.Repeat("<e>", Depth - 1)) + string.Concat(Enumerable.Repeat("</e>", Depth));

        var output = SmevTransform.Apply(Encoding.UTF8.GetBytes(input));

        Octets.Equal(
            "<ns1:e xmlns:ns1=\"urn:t\">" + string.Concat(Enumerable.Repeat("<ns1:e>", Depth - 1)) + string.Concat(Enumerable.Repeat("</ns1:e>", Depth)),
            output);
    }
}
