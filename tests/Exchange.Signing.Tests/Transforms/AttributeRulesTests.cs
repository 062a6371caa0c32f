namespace Exchange.Signing.Tests.Transforms;

/// <summary>Attribute order and values, expected octets derived by hand from the rules and checked against the JDK.</summary>
public sealed class AttributeRulesTests
{
    [Fact]
    public void qualified_attributes_come_first_by_namespace_then_name_and_unqualified_after_in_ordinal_utf16_order()
    {
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t" xmlns:a="urn:a" xmlns:b="urn:b" xmlns:u="urn:ä" é="1" Z="2" _="3" a="4" b:я="5" b:z="6" u:k="7" a:ä="8" a:Z="9" t:m="10"/>""");

        // Ordinal, not culture: "urn:t" < "urn:ä", "Z" < "_" < "a" < "é", "z" < "я".
        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:t" xmlns:ns2="urn:a" xmlns:ns3="urn:b" xmlns:ns4="urn:ä" ns2:Z="9" ns2:ä="8" ns3:z="6" ns3:я="5" ns1:m="10" ns4:k="7" Z="2" _="3" a="4" é="1"></ns1:r>""",
            output);
    }

    [Fact]
    public void references_in_attribute_values_are_escaped_again_and_apostrophes_stay_raw()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t" v="a&amp;b&lt;c&gt;d&quot;e'f"/>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t" v="a&amp;b&lt;c&gt;d&quot;e'f"></ns1:r>""", output);
    }

    [Fact]
    public void tab_line_feed_and_carriage_return_in_attribute_values_are_written_raw()
    {
        // A literal TAB is normalised to a space by any parser; the character references survive as the characters.
        var output = TransformInput.Transform($"""<t:r xmlns:t="urn:t" v="&#9;tab&#10;lf&#13;cr" w="a{'\t'}b"/>""");

        Octets.Equal($"""<ns1:r xmlns:ns1="urn:t" v="{'\t'}tab{'\n'}lf{'\r'}cr" w="a b"></ns1:r>""", output);
    }
}
