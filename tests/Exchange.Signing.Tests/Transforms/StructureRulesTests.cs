using System.Text;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>Elements, siblings and dropped markup, expected octets derived by hand from the rules and checked against the JDK.</summary>
public sealed class StructureRulesTests
{
    [Fact]
    public void empty_elements_are_written_as_start_and_end_tags()
    {
        var expected = """<ns1:r xmlns:ns1="urn:t"><ns1:e></ns1:e><ns1:f></ns1:f><ns1:g></ns1:g><ns1:h a="1"></ns1:h></ns1:r>""";
        const string Input = """<t:r xmlns:t="urn:t"><t:e/><t:f></t:f><t:g>   </t:g><t:h a="1"/></t:r>""";

        Octets.Equal(expected, TransformInput.Transform(Input));
        // c14n never writes <e/>; given directly, empty-element tags come out the same.
        Octets.Equal(expected, SmevTransform.Apply(Encoding.UTF8.GetBytes(Input)));
    }

    [Fact]
    public void siblings_declare_a_namespace_again_under_a_new_number_at_any_depth()
    {
        var output = TransformInput.Transform("""
            <a:r xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c">
              <b:x><c:y/><c:y/></b:x>
              <b:x>
                <a:z><c:y b:at="1"/><c:y><b:w/></c:y></a:z>
              </b:x>
              <c:y/>
            </a:r>
            """);

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:a"><ns2:x xmlns:ns2="urn:b"><ns3:y xmlns:ns3="urn:c"></ns3:y><ns4:y xmlns:ns4="urn:c"></ns4:y></ns2:x><ns5:x xmlns:ns5="urn:b"><ns1:z><ns6:y xmlns:ns6="urn:c" ns5:at="1"></ns6:y><ns7:y xmlns:ns7="urn:c"><ns5:w></ns5:w></ns7:y></ns1:z></ns5:x><ns8:y xmlns:ns8="urn:c"></ns8:y></ns1:r>""",
            output);
    }

    [Fact]
    public void comments_processing_instructions_and_the_declaration_are_dropped()
    {
        // Given directly: c14n would already have removed the comments. Each dropped node still ends a text event.
        var output = SmevTransform.Apply(Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><!-- c --><?style x?><t:r xmlns:t="urn:t">a<!-- c -->b<?pi d?>c<t:s> <!-- c --> </t:s><t:u>x <!-- c --> y</t:u></t:r><!-- after -->"""));

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t">abc<ns1:s></ns1:s><ns1:u>x  y</ns1:u></ns1:r>""", output);
    }

    [Fact]
    public void processing_instructions_that_c14n_keeps_are_dropped()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t"><?pi d?>x<!-- c --><t:s><?pi?></t:s></t:r>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t">x<ns1:s></ns1:s></ns1:r>""", output);
    }
}
