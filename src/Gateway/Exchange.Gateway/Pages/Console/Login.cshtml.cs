using Exchange.Gateway.Authentication;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/login</c>: a console user signs in with name and password. Every refusal (unknown name, wrong password,
/// disabled or locked-out user) shows the same text; the log says which it was.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(ConsoleUsers users, TimeProvider time) : PageModel
{
    // Nullable: model binding turns an empty field into null.
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The console page the user was sent here from; only a local one is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Refused { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.SignInAsync(UserName, Password, cancellationToken);
        if (user is null)
        {
            Refused = true;
            return Page();
        }
        await HttpContext.SignInAsync(GatewaySchemes.Console, ConsoleClaims.For(user, time.GetUtcNow()));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : ConsoleSiteExtensions.PathPrefix);
    }
}
