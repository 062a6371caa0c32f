using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>POST /console/culture</c>: the language switch of every page, the sign-in page's too (hence anonymous). Remembers
/// the choice in a cookie for a year and returns to the page it came from.
/// </summary>
[AllowAnonymous]
public sealed class CultureModel(IOptions<ConsoleOptions> console) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ConsoleSiteExtensions.PathPrefix);

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (ConsoleCultures.Find(culture) is not { } chosen)
        {
            return BadRequest();
        }
        Response.Cookies.Append(ConsoleCultures.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Path = ConsoleSiteExtensions.PathPrefix,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = console.Value.CookieSecurePolicy == CookieSecurePolicy.Always || Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : ConsoleSiteExtensions.PathPrefix);
    }
}
