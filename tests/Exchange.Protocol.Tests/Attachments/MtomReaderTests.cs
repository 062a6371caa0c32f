using System.Text;
using Exchange.Protocol.Attachments;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Mtom;
using Exchange.Protocol.Xml;
using static Exchange.Protocol.Tests.Attachments.AttachmentEnvelopes;
using static Exchange.Tests.Shared.MultipartBody;

namespace Exchange.Protocol.Tests.Attachments;

/// <summary>MTOM requests: the XOP parts stand in for attachment contents, and hostile packaging is refused with a code.</summary>
public sealed class MtomReaderTests
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF];

    private static SoapRequest Parse(byte[] body, string? contentType = null, MtomLimits? limits = null) =>
        SoapRequest.Parse(MtomReader.Read(contentType ?? ContentType(), body, limits ?? new MtomLimits()), XmlLimits.Default);

    private static string Code(Func<object> parse) => Assert.Throws<SmevFaultException>(parse).Fault.Code;

    [Fact]
    public void an_included_part_becomes_the_attachment_content_byte_for_byte()
    {
        // The bytes include CR LF and "--", which must not be mistaken for a delimiter.
        var request = Parse(Of(SendRequest(Header("a"), Content("a", Include("part1@test"))), ("part1@test", Pdf)));

        Assert.True(request.IsMtom);
        Assert.Equal(Pdf, AttachmentContent.ParseList(request).Single().Content.ToArray());
    }

    [Fact]
    public void a_body_with_only_the_closing_delimiter_is_malformed_not_a_crash()
    {
        var contentType = ContentType().Replace("; start=\"<root@test>\"", "", StringComparison.Ordinal);

        Assert.Equal(FaultCodes.MtomMalformed, Code(() => Parse(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"), contentType)));
    }

    [Fact]
    public void inline_and_included_contents_may_be_mixed()
    {
        var request = Parse(Of(SendRequest(Header("a") + Header("b"), Content("a", Include("p%40x")) + Content("b", "AQI=")), ("p@x", Pdf)));
        var contents = AttachmentContent.ParseList(request);
        Assert.Equal(Pdf, contents[0].Content.ToArray());
        Assert.Equal([1, 2], contents[1].Content.ToArray());
    }

    [Fact]
    public void a_part_nobody_refers_to_is_refused()
    {
        Assert.Equal(FaultCodes.MtomPartUnreferenced,
            Code(() => Parse(Of(SendRequest(Header("a"), Content("a", "AA==")), ("stray", Pdf)))));
    }

    [Fact]
    public void a_reference_to_a_missing_part_is_refused()
    {
        Assert.Equal(FaultCodes.MtomPartMissing, Code(() => Parse(Of(SendRequest(Header("a"), Content("a", Include("absent")))))));
    }

    [Fact]
    public void two_parts_with_one_content_id_are_refused()
    {
        Assert.Equal(FaultCodes.MtomPartDuplicate,
            Code(() => Parse(Of(SendRequest(Header("a"), Content("a", Include("p"))), ("p", Pdf), ("p", Pdf)))));
    }

    [Fact]
    public void one_part_included_twice_is_refused()
    {
        Assert.Equal(FaultCodes.MtomPartDuplicate,
            Code(() => Parse(Of(SendRequest(Header("a") + Header("b"), Content("a", Include("p")) + Content("b", Include("p"))), ("p", Pdf)))));
    }

    [Fact]
    public void an_include_inside_the_signed_data_is_refused()
    {
        // Inside SenderProvidedRequestData a part would change what the caller's signature covers.
        var envelope = SendRequest("", null, $"<ns:TransactionCode>{Include("p")}</ns:TransactionCode>");
        Assert.Equal(FaultCodes.XopIncludeMisplaced, Code(() => Parse(Of(envelope, ("p", Pdf)))));
    }

    [Fact]
    public void more_parts_than_allowed_are_refused()
    {
        var envelope = SendRequest(Header("a") + Header("b"), Content("a", Include("p1")) + Content("b", Include("p2")));
        Assert.Equal(FaultCodes.MtomTooManyParts,
            Code(() => Parse(Of(envelope, ("p1", Pdf), ("p2", Pdf)), limits: new MtomLimits { MaxParts = 2 })));
    }

    [Fact]
    public void a_header_block_past_its_limit_is_refused()
    {
        var body = Encoding.ASCII.GetBytes($"--{Boundary}\r\nX-Padding: {new string('x', 10_000)}\r\n\r\n<x/>\r\n--{Boundary}--");
        Assert.Equal(FaultCodes.MtomMalformed, Code(() => Parse(body)));
    }

    [Theory]
    [InlineData("multipart/related; type=\"application/xop+xml\"")]
    [InlineData("multipart/related; type=\"application/xop+xml\"; boundary=\"\"")]
    [InlineData("multipart/related; type=\"application/xop+xml\"; boundary=\"a\u0001b\"")]
    [InlineData("multipart/related; type=\"text/xml\"; boundary=\"MIMEBoundary_test\"")]
    [InlineData("multipart/related; type=\"application/xop+xml\"; boundary=\"other\"")]
    public void a_missing_invalid_or_absent_boundary_or_a_non_xop_type_is_refused(string contentType)
    {
        var body = Of(SendRequest("", null));
        Assert.Equal(FaultCodes.MtomMalformed, Code(() => Parse(body, contentType)));
    }

    [Fact]
    public void a_body_without_the_closing_delimiter_is_refused()
    {
        var body = Of(SendRequest("", null));
        Assert.Equal(FaultCodes.MtomMalformed, Code(() => Parse(body[..^(Boundary.Length + 6)])));
    }

    [Fact]
    public void a_start_parameter_naming_no_part_is_refused()
    {
        var contentType = ContentType().Replace("root@test", "elsewhere", StringComparison.Ordinal);
        Assert.Equal(FaultCodes.MtomPartMissing, Code(() => Parse(Of(SendRequest("", null)), contentType)));
    }

    [Fact]
    public void base64_transfer_encoding_is_refused()
    {
        var body = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: application/xop+xml\r\nContent-Transfer-Encoding: base64\r\n\r\nPHgvPg==\r\n--{Boundary}--");
        Assert.Equal(FaultCodes.MtomMalformed, Code(() => Parse(body)));
    }

    [Fact]
    public void every_truncation_and_byte_flip_of_a_valid_body_is_read_or_refused_with_a_fault_never_a_crash()
    {
        var body = Of(SendRequest(Header("a") + Header("b"), Content("a", Include("p1")) + Content("b", "AQI=")), ("p1", Pdf));
        var random = new Random(20261125);
        var variants = Enumerable.Range(0, body.Length).Select(length => body[..length])
            .Concat(Enumerable.Range(0, 2000).Select(_ =>
            {
                var flipped = (byte[])body.Clone();
                flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                return flipped;
            }));

        var refusals = new List<SmevFault>();
        foreach (var variant in variants)
        {
            try
            {
                AttachmentContent.ParseList(Parse(variant));
            }
            catch (SmevFaultException refused)
            {
                // Any other exception escapes and fails the test: it would be a 500 at the endpoint.
                refusals.Add(refused.Fault);
            }
        }
        Assert.NotEmpty(refusals);
        Assert.All(refusals, fault => Assert.Equal(("InvalidContent", false), (fault.Element, fault.IsServerFault)));
    }

    [Fact]
    public void what_the_writer_packages_the_reader_reads_back()
    {
        var envelope = SendRequest(Header("a"), Content("a", Convert.ToBase64String(Pdf)));
        var document = SafeXmlLoader.Load(envelope, XmlLimits.Default);
        var operation = (System.Xml.XmlElement)document.GetElementsByTagName("SendRequestRequest", SmevNamespaces.Types)[0]!;
        var parts = MtomWriter.ExtractParts(operation);
        var (contentType, body) = MtomWriter.Package(Encoding.UTF8.GetBytes(document.OuterXml), parts);

        var request = SoapRequest.Parse(MtomReader.Read(contentType, body, new MtomLimits()), XmlLimits.Default);

        Assert.Equal(Pdf, AttachmentContent.ParseList(request).Single().Content.ToArray());
    }
}
