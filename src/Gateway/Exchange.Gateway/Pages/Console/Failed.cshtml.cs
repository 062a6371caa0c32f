using Exchange.Domain.Audit;
using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Storage.Messages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/failed</c>: messages whose delivery was given up, newest first; one of them inspected (<c>?id=</c>) with its
/// history and delivery counts, and requeued or discarded by an operator with a reason (history, audit, log).
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class FailedModel(FailedMessages failed, MessageStore messages, DeadLetterQueue deadLetters, RelaySignal relay,
    TimeProvider time, ILogger<FailedModel> logger) : PageModel
{
    public const int PageSize = 50;

    /// <summary>What the last action did, as the redirect after it says (<c>?done=</c>).</summary>
    public static class Done
    {
        public const string Requeued = ConsoleAction.Requeued;
        public const string Discarded = ConsoleAction.Discarded;
        public const string Unchanged = "unchanged";
    }

    public FailedMessagePage Listed { get; private set; } = new([], null);

    /// <summary>How many broker copies the dead-letter queue keeps; null when the broker could not say.</summary>
    public uint? DeadLettered { get; private set; }

    public DeliveryState? Inspected { get; private set; }

    public IReadOnlyList<StatusEntry> History { get; private set; } = [];

    public string? Outcome { get; private set; }

    /// <summary>The list's position (<c>?after=</c>); null on the newest page. Inspecting and acting keep it.</summary>
    public string? After { get; private set; }

    /// <summary>The list is a later page (so the page offers the way back to the newest).</summary>
    public bool IsLaterPage => After is not null;

    /// <summary>The link that inspects <paramref name="messageId"/> with the list where it is.</summary>
    public string InspectLink(Guid messageId) => QueryHelpers.AddQueryString("/console/failed",
        new Dictionary<string, string?> { ["id"] = messageId.ToString(), ["after"] = After }.Where(p => p.Value is not null));

    public async Task<IActionResult> OnGetAsync(Guid? id, string? after, string? done, CancellationToken cancellationToken)
    {
        MessageCursor? cursor = null;
        if (after is not null && (cursor = MessageCursor.Decode(after)) is null)
        {
            return BadRequest();
        }
        if (id is { } inspected)
        {
            Inspected = await failed.InspectAsync(inspected, cancellationToken);
            if (Inspected is null)
            {
                return NotFound();
            }
            History = await messages.HistoryAsync(inspected, cancellationToken);
        }
        Outcome = done is Done.Requeued or Done.Discarded or Done.Unchanged ? done : null;
        After = after;
        Listed = await failed.PageAsync(cursor, PageSize, cancellationToken);
        DeadLettered = await deadLetters.CountAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRequeueAsync(Guid id, string? reason, string? after, CancellationToken cancellationToken) =>
        ActAsync(id, reason, after, ConsoleAction.Requeued, failed.RequeueAsync, (user, given) =>
        {
            Log.Requeued(logger, id, user, given);
            // Committed: the relay publishes the new outbox row now rather than at its next poll.
            relay.Notify();
        }, cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(Guid id, string? reason, string? after, CancellationToken cancellationToken) =>
        ActAsync(id, reason, after, ConsoleAction.Discarded, failed.DiscardAsync, (user, given) => Log.Discarded(logger, id, user, given),
            cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, string? reason, string? after, string action,
        Func<Guid, string, string, DateTimeOffset, CancellationToken, Task<FailedMessageActionOutcome>> act, Action<string, string> done,
        CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        // The form requires a reason and caps its length; a post without one is not the form's.
        if (string.IsNullOrEmpty(reason) || reason.Length > ConsoleAction.MaxReasonLength)
        {
            return BadRequest();
        }
        var user = User.Identity!.Name!;
        switch (await act(id, user, reason, time.GetUtcNow(), cancellationToken))
        {
            case FailedMessageActionOutcome.NotFound:
                return NotFound();
            case FailedMessageActionOutcome.NotFailed:
                Log.FailedMessageUnchanged(logger, action, id, user, "the message is not failed (any more)");
                return RedirectToPage(new { id, after, done = Done.Unchanged });
            default:
                done(user, reason);
                return RedirectToPage(new { id, after, done = action });
        }
    }
}
