using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Domain.Audit;
using Exchange.Domain.Users;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The console's message page over HTTP: the timeline with nodes, linked messages, the signer's certificate, files, and
/// content that only a content reader opens, each opening audited with its reason.
/// </summary>
public sealed partial class MessagePageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A browser signed in as a new user with <paramref name="roles"/>.</summary>
    private async Task<(ConsoleBrowser Browser, string User)> SignedInAsync(params string[] roles)
    {
        var user = $"page.{Guid.NewGuid():N}";
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(user, Password, roles, "tester", Token);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user, Password)).StatusCode);
        return (browser, user);
    }

    private Task<(ConsoleBrowser Browser, string User)> OperatorAsync() => SignedInAsync(UserRoles.Operator);

    private Task<(ConsoleBrowser Browser, string User)> ContentReaderAsync() => SignedInAsync(UserRoles.Operator, UserRoles.ContentReader);

    private async Task<Guid> AcknowledgedRequestAsync(string text, SendOptions? options = null)
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(text), options, Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        return sent.MessageId;
    }

    private static async Task<(HttpStatusCode Status, string Page)> PageAsync(ConsoleBrowser browser, Guid messageId)
    {
        using var response = await browser.GetAsync($"/console/messages/{messageId}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<HttpResponseMessage> OpenAsync(ConsoleBrowser browser, Guid messageId, string reason, string? token = null) =>
        await browser.PostAsync($"/console/messages/{messageId}?handler=Open", new()
        {
            ["reason"] = reason,
            ["__RequestVerificationToken"] = token ?? await browser.FormTokenAsync($"/console/messages/{messageId}"),
        });

    private Task<long> AuditRowsAsync(Guid messageId) => gateway.CountAsync("SELECT count(*) FROM console_audit WHERE message_id = $1", messageId);

    [Fact]
    public async Task the_timeline_of_an_acknowledged_request_shows_each_status_with_the_node_that_wrote_it()
    {
        var messageId = await AcknowledgedRequestAsync("timeline");
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (status, page) = await PageAsync(browser, messageId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [("accepted", "test-node"), ("queued", "test-node"), ("delivered", "test-node"), ("acknowledged", "test-node")],
            TimelineStatus().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value)));
        Assert.Contains("id=\"sender\">PORTAL<", page);
        Assert.Contains("id=\"recipient\">HEALTH<", page);
        Assert.Contains("<span class=\"status acknowledged\">", page);
    }

    [Fact]
    public async Task a_request_links_its_response_and_the_response_links_its_request()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("linked"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        var answer = await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!,
            BusinessDocuments.Appeal("linked answer", root: "AppealAnswer"), cancellationToken: Token);
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (_, requestPage) = await PageAsync(browser, sent.MessageId);
        var (_, responsePage) = await PageAsync(browser, answer.MessageId);

        Assert.Contains($"data-link=\"AnsweredBy\" data-message-id=\"{answer.MessageId}\"", requestPage);
        Assert.Contains($"href=\"/console/messages/{answer.MessageId}\"", requestPage);
        Assert.Contains($"data-link=\"Answers\" data-message-id=\"{sent.MessageId}\"", responsePage);
        Assert.Contains($"href=\"/console/messages/{sent.MessageId}\"", responsePage);
    }

    [Fact]
    public async Task a_broadcast_links_its_copies_and_each_copy_links_the_broadcast()
    {
        var notice = new Exchange.Protocol.Messages.MessageType("urn://exchange.test/notice/1.0", "PageNotice");
        var admin = new Directory.DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("PAGE_DISTRICT", "district");
        await admin.AddParticipantAsync("PAGE_SETTLEMENT", "settlement", parent: "PAGE_DISTRICT");
        await admin.AddTypeAsync(notice, kind: "broadcast", broadcastLevel: "settlement");
        await admin.AddPermissionAsync(notice, sender: "PAGE_DISTRICT", recipients: "participant", recipient: "PAGE_DISTRICT");
        var sent = await gateway.Client(GatewayFixture.SystemOf("PAGE_DISTRICT")).SendRequestAsync(
            BusinessDocuments.Appeal("Bridge closed", notice.NamespaceUri, notice.RootElement), new SendOptions(To: "PAGE_DISTRICT"), Token);
        var copy = await gateway.ReceiveAsync(GatewayFixture.SystemOf("PAGE_SETTLEMENT"), notice);
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (_, broadcastPage) = await PageAsync(browser, sent.MessageId);
        var (_, copyPage) = await PageAsync(browser, copy.MessageId);

        Assert.Contains($"data-link=\"Copy\" data-message-id=\"{copy.MessageId}\"", broadcastPage);
        Assert.Contains($"data-link=\"CopyOf\" data-message-id=\"{sent.MessageId}\"", copyPage);
    }

    [Fact]
    public async Task the_signer_is_the_senders_certificate_and_the_files_are_listed_with_their_hashes()
    {
        byte[] form = [.. "%PDF-1.4 form"u8, 0, 13, 10];
        var messageId = await AcknowledgedRequestAsync("signed with a file",
            new SendOptions(Attachments: [new OutgoingAttachment("form", "application/pdf", form)]));
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (_, page) = await PageAsync(browser, messageId);

        var der = gateway.Pki.Key("PORTAL").CertificateDer;
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        Assert.Contains($"id=\"signer-subject\">{HtmlEncoder.Default.Encode(certificate.Subject)}<", page);
        Assert.Contains($"id=\"signer-thumbprint\">{Convert.ToHexString(SHA256.HashData(der))}<", page);
        Assert.Contains("id=\"signer-algorithm\">GOST R 34.10-2012 256<", page);
        Assert.DoesNotContain("id=\"signer-expired\"", page);
        Assert.Contains($"data-content-id=\"form\"", page);
        Assert.Contains($"data-sha256=\"{Convert.ToHexString(SHA256.HashData(form)).ToLowerInvariant()}\"", page);
        Assert.Contains("<td>application/pdf</td>", page);
    }

    [Fact]
    public async Task an_operator_gets_no_content_and_cannot_open_it()
    {
        var marker = $"operator-must-not-see-{Guid.NewGuid():N}";
        var messageId = await AcknowledgedRequestAsync(marker);
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (status, page) = await PageAsync(browser, messageId);
        using var opened = await OpenAsync(browser, messageId, "curiosity", ConsoleBrowser.FormTokenIn(page));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"content-hidden\"", page);
        Assert.DoesNotContain("id=\"open-content\"", page);
        Assert.DoesNotContain(marker, page);
        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        Assert.DoesNotContain(marker, await opened.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task a_content_reader_opens_the_content_with_a_reason_and_the_audit_and_timeline_keep_it()
    {
        var marker = $"reader-sees-{Guid.NewGuid():N}";
        var messageId = await AcknowledgedRequestAsync(marker);
        var (signedIn, reader) = await ContentReaderAsync();
        using var browser = signedIn;

        var (_, before) = await PageAsync(browser, messageId);
        using var opened = await OpenAsync(browser, messageId, "citizen complaint 42");
        var page = await opened.Content.ReadAsStringAsync(Token);

        Assert.Contains("id=\"open-content\"", before);
        Assert.DoesNotContain(marker, before);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var content = ContentBlock().Match(page);
        Assert.True(content.Success, "The opened page shows no content block.");
        Assert.Contains(marker, content.Groups[1].Value);
        Assert.Contains("&lt;", content.Groups[1].Value);
        Assert.DoesNotContain("<", content.Groups[1].Value);
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM console_audit WHERE message_id = $1 AND actor = $2 AND action = $3 AND reason = $4 AND node = 'test-node'",
            messageId, reader, ConsoleAction.ContentOpened, "citizen complaint 42"));
        Assert.Contains($"data-action=\"content_opened\" data-actor=\"{reader}\"", page);
        Assert.Contains("citizen complaint 42", page);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task opening_without_a_reason_is_refused_with_400_says_why_and_writes_nothing(string? reason)
    {
        var marker = $"no-reason-{Guid.NewGuid():N}";
        var messageId = await AcknowledgedRequestAsync(marker);
        var (signedIn, _) = await ContentReaderAsync();
        using var browser = signedIn;

        using var refused = await OpenAsync(browser, messageId, reason ?? new string('x', ConsoleAction.MaxReasonLength + 1));
        var page = await refused.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"reason-problem\"", page);
        Assert.Contains(reason is null ? "Причина может быть не длиннее 1000 символов." : "Укажите, зачем вы открываете содержимое.", page);
        Assert.DoesNotContain(marker, page);
        Assert.Equal(0, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task a_forged_antiforgery_token_on_the_open_form_is_refused_with_400()
    {
        var marker = $"forged-{Guid.NewGuid():N}";
        var messageId = await AcknowledgedRequestAsync(marker);
        var (signedIn, _) = await ContentReaderAsync();
        using var browser = signedIn;
        await browser.FormTokenAsync($"/console/messages/{messageId}");

        using var forged = await OpenAsync(browser, messageId, "forged", "CfDJ8forged");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(marker, await forged.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task a_file_is_downloaded_by_a_content_reader_as_an_attachment_with_its_own_audit_entry()
    {
        byte[] scan = [.. "<html><script>alert(1)</script>"u8, 0, 255];
        var messageId = await AcknowledgedRequestAsync("download",
            new SendOptions(Attachments: [new OutgoingAttachment("scan", "text/html", scan)]));
        var (signedIn, _) = await ContentReaderAsync();
        using var browser = signedIn;
        using var opened = await OpenAsync(browser, messageId, "checking the scan");
        var page = await opened.Content.ReadAsStringAsync(Token);

        using var download = await browser.PostAsync($"/console/messages/{messageId}?handler=File", new()
        {
            ["contentId"] = "scan",
            ["reason"] = "checking the scan",
            ["__RequestVerificationToken"] = ConsoleBrowser.FormTokenIn(page),
        });

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("scan", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(2, await AuditRowsAsync(messageId));
    }

    [Fact]
    public async Task an_unknown_or_malformed_message_id_gets_the_404_page()
    {
        var (signedIn, _) = await OperatorAsync();
        using var browser = signedIn;

        var (unknown, unknownPage) = await PageAsync(browser, Guid.NewGuid());
        using var malformed = await browser.GetAsync("/console/messages/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("id=\"status\"", unknownPage);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [GeneratedRegex("""<tr data-status="(\w+)" data-node="([^"]*)">""")]
    private static partial Regex TimelineStatus();

    [GeneratedRegex("""<pre class="content" id="content">(.*?)</pre>""", RegexOptions.Singleline)]
    private static partial Regex ContentBlock();
}
