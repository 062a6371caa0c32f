using Exchange.Gateway.Authentication;
using Exchange.Gateway.ConsoleSite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Pages;

/// <summary><c>POST /console/logout</c>: ends the session (a form, so antiforgery keeps other sites from signing users out).</summary>
[Authorize]
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ConsoleSiteExtensions.PathPrefix);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(GatewaySchemes.Console);
        return LocalRedirect(ConsoleSiteExtensions.LoginPath);
    }
}
