using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol.Faults;
using Exchange.Signing.Cms;
using Exchange.Tests.Shared;
using static Exchange.Gateway.Tests.RawEnvelopes;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>Attachments the gateway must refuse, each with its SMEV fault and code; nothing of a refused message may be stored.</summary>
public sealed class AttachmentRefusalTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private StoredRows _before = null!;

    public async ValueTask InitializeAsync() => _before = await StoredRows.CountAsync(gateway);

    public async ValueTask DisposeAsync() => Assert.Equal(_before, await StoredRows.CountAsync(gateway));

    private Task<RawAnswer> PostTextAsync(string envelope) =>
        RawAnswer.PostAsync(gateway.Http, gateway.SoapEndpoint, System.Text.Encoding.UTF8.GetBytes(envelope), "text/xml; charset=utf-8", "SendRequest", Token);

    private Task<RawAnswer> PostMtomAsync(byte[] body, string? contentType = null) =>
        RawAnswer.PostAsync(gateway.Http, gateway.SoapEndpoint, body, contentType ?? MultipartBody.ContentType(), "SendRequest", Token);

    private string Send(string headers, string? contents, string extraData = "") => SendRequest(gateway.Pki.Key("PORTAL"), gateway.ClientTime.GetUtcNow(), headers, contents, extraData);

    [Fact]
    public async Task attachments_larger_in_total_than_permitted_are_refused_with_both_sizes()
    {
        var fault = await Assert.ThrowsAsync<ExchangeAttachmentLimitException>(() => gateway.Client("PORTAL", mtom: true).SendRequestAsync(
            BusinessDocuments.Appeal("too big"), new SendOptions(Attachments:
            [
                new OutgoingAttachment("a", "application/pdf", new byte[100_000]),
                new OutgoingAttachment("b", "application/pdf", new byte[40_000]),
            ]), Token));

        Assert.Equal("AttachmentSizeLimitExceeded", fault.Element);
        Assert.Equal(FaultCodes.AttachmentsTooLarge, fault.Code);
        Assert.Equal([GatewayFixture.MaxTotalAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "140000"], fault.Details);
        Assert.False(fault.IsQuota);
    }

    [Fact]
    public async Task an_attachment_signed_by_a_certificate_of_an_unknown_ca_is_a_signature_fault()
    {
        var fault = await Assert.ThrowsAsync<ExchangeSignatureFaultException>(() => gateway.Client("PORTAL").SendRequestAsync(
            BusinessDocuments.Appeal("signed by a stranger"),
            new SendOptions(Attachments: [new OutgoingAttachment("a", "application/pdf", Pdf, SignWith: gateway.Pki.Key("UNTRUSTED"))]), Token));

        Assert.Equal(FaultCodes.AttachmentSignature + "-CertificateUntrusted", fault.Code);
        Assert.Equal(["CertificateIsNotFound"], fault.Details);
    }

    [Fact]
    public async Task an_attachment_whose_bytes_differ_from_what_was_signed_is_a_signature_fault()
    {
        var signature = DetachedCmsSigner.Sign(Pdf, gateway.Pki.Key("OFFICER"));
        var changed = (byte[])Pdf.Clone();
        changed[0] ^= 1;

        var answer = await PostTextAsync(Send(Header("a", signaturePkcs7: signature), Content("a", changed)));

        Assert.Equal(("SignatureVerificationFault", FaultCodes.AttachmentSignature + "-DigestMismatch"), answer.Fault);
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a,b", "a")]
    [InlineData("a", "a,b")]
    [InlineData("a,a", "a")]
    [InlineData("a", "a,a")]
    [InlineData("", "a")]
    public async Task headers_and_contents_that_do_not_pair_up_one_to_one_are_miscoordinated(string headerIds, string contentIds)
    {
        var headers = string.Concat(headerIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => Header(id)));
        var contents = string.Concat(contentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => Content(id, Pdf)));

        Assert.Equal(("AttachmentContentMiscoordination", FaultCodes.AttachmentMiscoordination), (await PostTextAsync(Send(headers, contents))).Fault);
    }

    [Fact]
    public async Task headers_without_any_contents_are_miscoordinated()
    {
        Assert.Equal(("AttachmentContentMiscoordination", FaultCodes.AttachmentMiscoordination), (await PostTextAsync(Send(Header("a"), null))).Fault);
    }

    [Fact]
    public async Task a_file_store_reference_is_refused_because_this_gateway_runs_no_file_store()
    {
        var reference = "<b:RefAttachmentHeaderList><b:RefAttachmentHeader><b:uuid>0f8fad5b-d9cb-469f-a165-70867728950e</b:uuid>" +
                        "<b:Hash>aGFzaA==</b:Hash><b:MimeType>application/pdf</b:MimeType></b:RefAttachmentHeader></b:RefAttachmentHeaderList>";
        Assert.Equal(("InvalidContent", FaultCodes.FileStoreUnsupported), (await PostTextAsync(Send("", null, reference))).Fault);
    }

    [Fact]
    public async Task an_mtom_part_nobody_refers_to_is_refused()
    {
        var body = MultipartBody.Of(Send(Header("a"), Content("a", Pdf)), ("stray@test", Pdf));
        Assert.Equal(("InvalidContent", FaultCodes.MtomPartUnreferenced), (await PostMtomAsync(body)).Fault);
    }

    [Fact]
    public async Task an_mtom_reference_to_a_missing_part_is_refused()
    {
        var body = MultipartBody.Of(Send(Header("a"), Include("a", "absent@test")));
        Assert.Equal(("InvalidContent", FaultCodes.MtomPartMissing), (await PostMtomAsync(body)).Fault);
    }

    [Fact]
    public async Task two_mtom_parts_with_one_content_id_are_refused()
    {
        var body = MultipartBody.Of(Send(Header("a"), Include("a", "p@test")), ("p@test", Pdf), ("p@test", Pdf));
        Assert.Equal(("InvalidContent", FaultCodes.MtomPartDuplicate), (await PostMtomAsync(body)).Fault);
    }

    [Fact]
    public async Task more_mtom_parts_than_allowed_are_refused()
    {
        var parts = Enumerable.Range(0, 101).Select(i => ($"p{i}@test", new byte[] { 1 })).ToArray();
        var body = MultipartBody.Of(Send(string.Concat(parts.Select((_, i) => Header($"a{i}"))),
            string.Concat(parts.Select((p, i) => Include($"a{i}", p.Item1)))), parts);

        Assert.Equal(("InvalidContent", FaultCodes.MtomTooManyParts), (await PostMtomAsync(body)).Fault);
    }

    [Theory]
    [InlineData("multipart/related; type=\"application/xop+xml\"")]
    [InlineData("multipart/related; type=\"application/xop+xml\"; boundary=\"wrong\"")]
    [InlineData("multipart/related; boundary=\"MIMEBoundary_test\"")]
    public async Task a_missing_wrong_or_non_xop_multipart_is_refused(string contentType)
    {
        var body = MultipartBody.Of(Send(Header("a"), Include("a", "p@test")), ("p@test", Pdf));
        Assert.Equal(("InvalidContent", FaultCodes.MtomMalformed), (await PostMtomAsync(body, contentType)).Fault);
    }

    [Fact]
    public async Task a_truncated_multipart_body_is_refused()
    {
        var body = MultipartBody.Of(Send(Header("a"), Include("a", "p@test")), ("p@test", Pdf));
        Assert.Equal(("InvalidContent", FaultCodes.MtomMalformed), (await PostMtomAsync(body[..^30])).Fault);
    }

    [Fact]
    public async Task an_mtom_body_over_the_request_limit_is_refused_before_it_is_parsed()
    {
        var body = MultipartBody.Of(Send(Header("a"), Include("a", "p@test")), ("p@test", new byte[GatewayFixture.MaxRequestBytes]));
        Assert.Equal(("InvalidContent", FaultCodes.BodyTooLarge), (await PostMtomAsync(body)).Fault);
    }

    [Fact]
    public async Task an_mtom_part_inside_the_signed_data_is_refused()
    {
        // A part there would change the bytes the caller's signature is checked on; only the unsigned content list may use parts.
        var envelope = Send("", null, $"""<ns:TransactionCode><xop:Include xmlns:xop="{Exchange.Protocol.SmevNamespaces.Xop}" href="cid:p@test"/></ns:TransactionCode>""");
        Assert.Equal(("InvalidContent", FaultCodes.XopIncludeMisplaced), (await PostMtomAsync(MultipartBody.Of(envelope, ("p@test", Pdf)))).Fault);
    }

    [Fact]
    public async Task a_signed_mtom_request_changed_after_signing_is_refused()
    {
        var tampered = Send(Header("a"), Include("a", "p@test")).Replace("<a:Text>raw</a:Text>", "<a:Text>forged</a:Text>", StringComparison.Ordinal);
        Assert.Equal(("SignatureVerificationFault", "EXCHANGE-401-DigestMismatch"), (await PostMtomAsync(MultipartBody.Of(tampered, ("p@test", Pdf)))).Fault);
    }

    [Fact]
    public async Task a_fault_to_an_mtom_caller_is_mtom_and_to_a_text_caller_text()
    {
        var mtom = await PostMtomAsync(MultipartBody.Of(Send(Header("a"), null)));
        var text = await PostTextAsync(Send(Header("a"), null));

        Assert.True(mtom.IsMtom);
        Assert.StartsWith("text/xml", text.ContentType, StringComparison.Ordinal);
        Assert.Equal(mtom.Fault, text.Fault);
    }
}
