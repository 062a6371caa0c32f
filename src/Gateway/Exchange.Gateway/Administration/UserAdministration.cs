using Exchange.Domain.Users;
using Exchange.Gateway.Users;

namespace Exchange.Gateway.Administration;

/// <summary>
/// The admin API's calls for the console's users (part of <see cref="AdminApi"/>, so for administrators): add, list,
/// disable, set roles, reset a password. Each change is audited (entity <c>console_user</c>) without the password.
/// </summary>
public static class UserAdministration
{
    public static RouteGroupBuilder MapUserAdministration(this RouteGroupBuilder admin)
    {
        admin.MapPost("/users", (NewUserRequest body, HttpContext http, ConsoleUsers users, CancellationToken cancellationToken) =>
                AnswerAsync(http, "added", actor => users.AddAsync(body.Name ?? "", body.Password ?? "", body.Roles ?? [], actor, cancellationToken), created: true))
            .WithSummary("Add a console user with a password and roles (operator, content_reader, administrator).")
            .Produces<ConsoleUser>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/users", async (ConsoleUsers users, CancellationToken cancellationToken) => await users.ListAsync(cancellationToken))
            .WithSummary("The console's users, disabled ones included, without their passwords.")
            .Produces<IReadOnlyList<ConsoleUser>>();
        admin.MapDelete("/users/{name}", (string name, HttpContext http, ConsoleUsers users, CancellationToken cancellationToken) =>
                AnswerAsync(http, "disabled", actor => users.DisableAsync(name, actor, cancellationToken)))
            .WithSummary("Disable a console user: it can no longer sign in, and its sessions end at their next request. Users are never deleted.")
            .Produces<ConsoleUser>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/users/{name}/roles", (string name, RolesRequest body, HttpContext http, ConsoleUsers users, CancellationToken cancellationToken) =>
                AnswerAsync(http, "given roles", actor => users.SetRolesAsync(name, body.Roles ?? [], actor, cancellationToken)))
            .WithSummary("Set a console user's roles (replacing the previous ones); its sessions see them at their next request.")
            .Produces<ConsoleUser>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/users/{name}/password", (string name, PasswordRequest body, HttpContext http, ConsoleUsers users, CancellationToken cancellationToken) =>
                AnswerAsync(http, "given a new password", actor => users.ResetPasswordAsync(name, body.Password ?? "", actor, cancellationToken)))
            .WithSummary("Reset a console user's password; a lockout is lifted.")
            .Produces<ConsoleUser>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    // Nullable, as a JSON body may leave any of them out; an empty name or password is refused like a bad one.
    public sealed record NewUserRequest(string? Name, string? Password, IReadOnlyList<string>? Roles);

    public sealed record RolesRequest(IReadOnlyList<string>? Roles);

    public sealed record PasswordRequest(string? Password);

    /// <summary>Runs a change by the caller, logs it, and answers the user as it is now, or a problem that says why not.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, string change, Func<string, Task<ConsoleUser>> action, bool created = false)
    {
        var actor = AdminApi.Actor(http);
        try
        {
            var user = await action(actor);
            Log.ConsoleUserChanged(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UserAdministration)), user.Name, change, actor);
            return created ? Results.Created($"/api/admin/users/{user.Name}", user) : Results.Ok(user);
        }
        catch (InvalidDataException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [e.Message] }, title: "Not an acceptable user; nothing was changed.");
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user", detail: e.Message);
        }
        catch (DuplicateUserException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The user exists", detail: e.Message);
        }
    }
}
