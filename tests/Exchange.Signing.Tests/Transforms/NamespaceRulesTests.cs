namespace Exchange.Signing.Tests.Transforms;

/// <summary>Generated prefixes and their declarations, expected octets derived by hand from the rules and checked against the JDK.</summary>
public sealed class NamespaceRulesTests
{
    [Fact]
    public void an_element_without_namespace_gets_a_prefix_bound_to_the_empty_uri()
    {
        var output = TransformInput.Transform("""<root a="1"><child/><t:x xmlns:t="urn:t"><child/></t:x></root>""");

        Octets.Equal(
            """<ns1:root xmlns:ns1="" a="1"><ns1:child></ns1:child><ns2:x xmlns:ns2="urn:t"><ns1:child></ns1:child></ns2:x></ns1:root>""",
            output);
    }

    [Fact]
    public void xml_lang_gets_a_generated_prefix_declared_for_the_xml_namespace()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t" xml:lang="ru"><t:s xml:lang="en" id="1"/></t:r>""");

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:t" xmlns:ns2="http://www.w3.org/XML/1998/namespace" ns2:lang="ru"><ns1:s ns2:lang="en" id="1"></ns1:s></ns1:r>""",
            output);
    }

    [Fact]
    public void xml_lang_on_siblings_is_declared_again_under_new_numbers()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t"><t:s xml:lang="en"/><t:s xml:lang="ru"/></t:r>""");

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:t"><ns1:s xmlns:ns2="http://www.w3.org/XML/1998/namespace" ns2:lang="en"></ns1:s><ns1:s xmlns:ns3="http://www.w3.org/XML/1998/namespace" ns3:lang="ru"></ns1:s></ns1:r>""",
            output);
    }

    [Fact]
    public void default_namespaces_are_replaced_by_generated_prefixes()
    {
        var output = TransformInput.Transform("""<r xmlns="urn:d"><s xmlns="urn:e"><t xmlns=""/><u/></s><v/></r>""");

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:d"><ns2:s xmlns:ns2="urn:e"><ns3:t xmlns:ns3=""></ns3:t><ns2:u></ns2:u></ns2:s><ns1:v></ns1:v></ns1:r>""",
            output);
    }

    [Fact]
    public void source_prefixes_and_declarations_are_ignored_and_only_uris_matter()
    {
        var output = TransformInput.Transform(
            """<a:r xmlns:a="urn:x" xmlns:b="urn:x" xmlns:unused="urn:unused"><b:s a:at="1"/><a:s/></a:r>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:x"><ns1:s ns1:at="1"></ns1:s><ns1:s></ns1:s></ns1:r>""", output);
    }

    [Fact]
    public void a_namespace_first_needed_by_an_attribute_is_reused_by_descendants()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t" xmlns:q="urn:q" q:a="1"><q:s/></t:r>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t" xmlns:ns2="urn:q" ns2:a="1"><ns2:s></ns2:s></ns1:r>""", output);
    }

    [Fact]
    public void namespace_uris_are_escaped_like_attribute_values()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t?a=1&amp;b=&quot;2&quot;&lt;&gt;"/>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t?a=1&amp;b=&quot;2&quot;&lt;&gt;"></ns1:r>""", output);
    }
}
