using Exchange.Domain.Users;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Pages;

/// <summary><c>/console/users</c>: the console's users, for administrators (managed with <c>exchange users</c> or the admin API).</summary>
[Authorize(Policy = GatewayPolicies.Administrator)]
public sealed class UsersModel(ConsoleUsers users) : PageModel
{
    public IReadOnlyList<ConsoleUser> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await users.ListAsync(cancellationToken);
}
