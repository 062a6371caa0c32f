using System.Text;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Tests.Transforms;

/// <summary>
/// Character data as the reference hashes it on the JDK's StAX: the parser cuts text into events (at every reference,
/// and by lines) and the reference drops each event whose Java trim() is empty. Expected octets derived by hand from
/// those rules and checked against the JDK 17 parser and writer.
/// </summary>
public sealed class TextRulesTests
{
    private const string Lf = "\n";

    [Fact]
    public void references_in_text_are_written_escaped_again()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t">fish &amp; chips &lt;3 a&gt;b "q" 'a'</t:r>""");

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t">fish &amp; chips &lt;3 a&gt;b "q" 'a'</ns1:r>""", output);
    }

    [Fact]
    public void whitespace_between_references_is_dropped_because_the_parser_cuts_text_at_each_reference()
    {
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t"><t:a>&lt; &gt;</t:a><t:b>q &gt; &amp;</t:b><t:c> &amp; </t:c><t:d>&#62;&#x20;&#x3C;</t:d></t:r>""");

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:t"><ns1:a>&lt;&gt;</ns1:a><ns1:b>q &gt;&amp;</ns1:b><ns1:c>&amp;</ns1:c><ns1:d>&gt;&lt;</ns1:d></ns1:r>""",
            output);
    }

    [Fact]
    public void a_carriage_return_reference_in_text_is_lost()
    {
        var output = TransformInput.Transform("""<t:r xmlns:t="urn:t"><t:a>line1&#xD;&#10;line2</t:a><t:b>&#13;</t:b><t:c>a&#xD;b</t:c></t:r>""");

        Octets.Equal($"""<ns1:r xmlns:ns1="urn:t"><ns1:a>line1{Lf}line2</ns1:a><ns1:b></ns1:b><ns1:c>ab</ns1:c></ns1:r>""", output);
    }

    [Fact]
    public void cdata_sections_are_written_as_escaped_text()
    {
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t"><t:a><![CDATA[x < y && z > w]]></t:a><t:b><![CDATA[ ]]></t:b><t:c>p<![CDATA[ & ]]>q</t:c></t:r>""");

        Octets.Equal(
            """<ns1:r xmlns:ns1="urn:t"><ns1:a>x &lt; y &amp;&amp; z &gt; w</ns1:a><ns1:b></ns1:b><ns1:c>p &amp; q</ns1:c></ns1:r>""",
            output);
    }

    [Fact]
    public void a_cdata_section_given_without_c14n_is_one_event_kept_whole()
    {
        var output = SmevTransform.Apply(Encoding.UTF8.GetBytes("""<t:r xmlns:t="urn:t"><![CDATA[ & ]]><t:s><![CDATA[ ]]></t:s></t:r>"""));

        Octets.Equal("""<ns1:r xmlns:ns1="urn:t"> &amp; <ns1:s></ns1:s></ns1:r>""", output);
    }

    [Fact]
    public void unicode_spaces_keep_otherwise_blank_text_because_java_trim_only_strips_up_to_u0020()
    {
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t"><t:a>&#xA0;</t:a><t:b>&#x2003; </t:b><t:c> &#x3000;&#10;</t:c><t:d>&#x85;</t:d><t:e> &#9;&#10; </t:e></t:r>""");

        Octets.Equal(
            $"""<ns1:r xmlns:ns1="urn:t"><ns1:a>{'\u00A0'}</ns1:a><ns1:b>{'\u2003'} </ns1:b><ns1:c> {'\u3000'}{Lf}</ns1:c><ns1:d>{'\u0085'}</ns1:d><ns1:e></ns1:e></ns1:r>""",
            output);
    }

    [Fact]
    public void whitespace_after_the_last_line_break_goes_when_the_parser_reports_it_as_an_event_of_its_own()
    {
        // The JDK reports two lines per event, so a blank last line survives only when it shares an event.
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t"><t:a>a&#10;b&#10;</t:a><t:b>a&#10;</t:b><t:c>l1&#10;l2&#10;l3&#10;</t:c><t:d>&#10;  x&#10;  y&#10;  </t:d></t:r>""");

        Octets.Equal(
            $"""<ns1:r xmlns:ns1="urn:t"><ns1:a>a{Lf}b</ns1:a><ns1:b>a{Lf}</ns1:b><ns1:c>l1{Lf}l2{Lf}l3{Lf}</ns1:c><ns1:d>{Lf}  x{Lf}  y</ns1:d></ns1:r>""",
            output);
    }

    [Fact]
    public void supplementary_characters_and_closing_brackets_cut_events_as_the_parser_does()
    {
        var output = TransformInput.Transform(
            """<t:r xmlns:t="urn:t"><t:a> &#x1F600; </t:a><t:b>a ] </t:b><t:c>x] &#10; </t:c><t:d>]] </t:d><t:e>a&#10;]&#10;</t:e></t:r>""");

        Octets.Equal(
            $"""<ns1:r xmlns:ns1="urn:t"><ns1:a> {"\U0001F600"}</ns1:a><ns1:b>a ] </ns1:b><ns1:c>x] </ns1:c><ns1:d>]] </ns1:d><ns1:e>a{Lf}]</ns1:e></ns1:r>""",
            output);
    }
}
