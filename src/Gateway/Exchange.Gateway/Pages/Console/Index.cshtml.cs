using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Pages;

/// <summary><c>/console</c>: the console's landing page, for any signed-in user.</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public string UserName => User.Identity?.Name ?? "";

    public IEnumerable<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value);

    public void OnGet()
    {
    }
}
