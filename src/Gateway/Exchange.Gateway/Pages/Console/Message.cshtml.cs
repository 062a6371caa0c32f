using System.Security.Cryptography;
using Exchange.Domain.Audit;
using Exchange.Domain.Messages;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Status;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Faults;
using Exchange.Signing.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/messages/{id}</c>: one message for operators — metadata, timeline (statuses and console users' actions),
/// linked messages, who signed it, its files — and its content for content readers only.
/// <para>
/// Content is opened by a POST carrying a reason, audited in the transaction that reads it; each file download is such a
/// POST too (the reason given at opening travels in the file's form), audited again. There are no download links or
/// grants kept between requests: a GET link would be replayable from history or a proxy log without a fresh audit entry,
/// and a grant would be state to expire and guard. A POST is bound to the session and its antiforgery token, so another
/// site cannot make a content reader's browser open anything.
/// </para>
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class MessageModel(MessageDetailsReader messages, MessageContent contents, IAuthorizationService authorization,
    TimeProvider time, IStringLocalizer<MessageModel> texts) : PageModel
{
    public MessageDetails Details { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>Null when no signature was kept or it cannot be read (<see cref="SignatureUnreadable"/>).</summary>
    public SignerCertificate? Signer { get; private set; }

    public bool SignatureUnreadable { get; private set; }

    public bool IsContentReader { get; private set; }

    /// <summary>The content, once a content reader opened it with <see cref="Reason"/>.</summary>
    public string? OpenedContent { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Why the reason given was refused.</summary>
    public string? ReasonProblem { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, reason, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        OpenedContent = await contents.OpenAsync(id, User.Identity!.Name!, Reason!, Now, cancellationToken);
        if (OpenedContent is null)
        {
            return NotFound();
        }
        // Read again: the timeline shows the opening just audited.
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, string? contentId, string? reason, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, reason, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var file = string.IsNullOrEmpty(contentId) ? null
            : await contents.OpenFileAsync(id, contentId, User.Identity!.Name!, Reason!, Now, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        // Always a download, never shown in the console's origin; the type as declared only if it is a type at all.
        var type = MediaTypeHeaderValue.TryParse(file.MimeType, out _) ? file.MimeType : "application/octet-stream";
        return File(file.Content, type, file.ContentId);
    }

    /// <summary>What a request to open content gets instead: unknown message 404, no content reader 403, no usable reason 400.</summary>
    private async Task<IActionResult?> RefusalAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!IsContentReader)
        {
            return Forbid();
        }
        Reason = reason?.Trim();
        ReasonProblem = string.IsNullOrEmpty(Reason) ? texts["Say why you open the content."].Value
            : Reason.Length > ConsoleAction.MaxReasonLength ? texts["The reason may be at most {0} characters long.", ConsoleAction.MaxReasonLength].Value
            : null;
        if (ReasonProblem is null)
        {
            return null;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await messages.FindAsync(id, cancellationToken) is not { } details)
        {
            return false;
        }
        Details = details;
        Now = time.GetUtcNow();
        Timeline = TimelineEntry.Of(details.History, details.OperatorActions);
        IsContentReader = (await authorization.AuthorizeAsync(User, GatewayPolicies.ContentReader)).Succeeded;
        try
        {
            Signer = details.SenderSignature is { } kept ? SignerCertificate.Of(kept) : null;
        }
        catch (Exception e) when (e is SignatureException or CryptographicException or SmevFaultException)
        {
            // It verified when accepted, so only a damaged row gets here: the page says so rather than failing whole.
            SignatureUnreadable = true;
        }
        return true;
    }
}
