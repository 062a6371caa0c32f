using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Storage.Messages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/messages</c>: the operator's message search, newest first, a page at a time by keyset. A form that cannot
/// run is answered 400 with what to change, and nothing is searched.
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class MessagesModel(MessageSearch search, ConsoleTime time, TimeProvider clock, IStringLocalizer<MessagesModel> texts) : PageModel
{
    public MessageSearchForm Form { get; private set; } = new();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The page found; null when the form had problems.</summary>
    public MessagePage? Found { get; private set; }

    /// <summary>The time the search ran at, which overdue is judged at.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] MessageSearchForm form, CancellationToken cancellationToken)
    {
        Form = form;
        Now = clock.GetUtcNow();
        var (query, problems) = form.ToQuery(time, Now, texts);
        if (problems.Count > 0)
        {
            Problems = problems;
            var refused = Page();
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }
        Found = await search.SearchAsync(query, Now, cancellationToken);
        return Page();
    }
}
