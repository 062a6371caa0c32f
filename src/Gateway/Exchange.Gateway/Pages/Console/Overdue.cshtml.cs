using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Storage.Messages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/overdue</c>: requests past their answer deadline without an answer, per recipient, and a chosen
/// recipient's (<c>?recipient=</c>) oldest first. Judged at the gateway's clock when the page is opened.
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class OverdueModel(OverdueRequests overdue, TimeProvider time, IStringLocalizer<OverdueModel> texts) : PageModel
{
    /// <summary>A recipient's requests listed at most; the page says when there are more.</summary>
    public const int MaxListed = 200;

    private const int MaxRecipientLength = 256;

    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<OverdueRequests.Recipient> Recipients { get; private set; } = [];

    public IReadOnlyList<FoundMessage> Requests { get; private set; } = [];

    public bool MoreThanListed { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        if (Recipient?.Length > MaxRecipientLength)
        {
            Problem = texts["A participant's mnemonic is at most 256 characters long"];
            Recipient = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Recipients = await overdue.ByRecipientAsync(Now, cancellationToken);
        if (!string.IsNullOrEmpty(Recipient))
        {
            var requests = await overdue.OfRecipientAsync(Recipient, Now, MaxListed + 1, cancellationToken);
            MoreThanListed = requests.Count > MaxListed;
            Requests = requests.Take(MaxListed).ToList();
        }
        return Page();
    }

    /// <summary>Whole days since the answer was due: 0 during its first day overdue.</summary>
    public int DaysOverdue(DateTimeOffset dueAt) => (int)Math.Floor((Now - dueAt).TotalDays);
}
