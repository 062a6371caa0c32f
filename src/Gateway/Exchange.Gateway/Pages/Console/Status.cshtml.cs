using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// The page a console request that failed (4xx, 5xx) is re-executed to, keeping its status code: says what happened
/// and nothing more. Anonymous and without antiforgery, since it answers refused requests of any kind.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<StatusModel> texts) : PageModel
{
    public string Title { get; private set; } = "";

    public void OnGet(int code) => Title = code switch
    {
        StatusCodes.Status400BadRequest => texts["The request was refused (the form may have expired: reload the page and try again)"],
        StatusCodes.Status403Forbidden => texts["Your roles do not open this page"],
        StatusCodes.Status404NotFound => texts["There is no such page"],
        _ => texts["The request could not be served"],
    };

    public void OnPost(int code) => OnGet(code);
}
