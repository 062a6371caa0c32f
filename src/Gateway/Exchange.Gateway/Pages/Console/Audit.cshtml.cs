using System.Globalization;
using Exchange.Domain.Audit;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/audit</c>: directory changes and console actions (content opened, requeued, discarded), searched by
/// actor, kind, period and MessageID, newest first a page at a time. Without a period, the last
/// <see cref="DefaultPeriod"/>. Input the search cannot run as asked is answered 400 with what to change.
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class AuditModel(AuditSearch audit, TimeProvider time, ConsoleTime consoleTime, IStringLocalizer<AuditModel> texts)
    : PageModel
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    private const string SecondInput = "yyyy-MM-ddTHH:mm:ss";

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The link to the next page; null on the last.</summary>
    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Read(out var problems);
        if (problems.Count == 0 && query.Problems() is { Count: > 0 } others)
        {
            // What the checks above do not translate (none today); the domain's words, in English.
            problems.AddRange(others);
        }
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var page = await audit.SearchAsync(query, cancellationToken);
        Entries = page.Entries;
        if (page.Next is not null)
        {
            NextPage = QueryHelpers.AddQueryString("/console/audit", new Dictionary<string, string?>
            {
                ["actor"] = Actor, ["kind"] = Kind, ["from"] = From, ["to"] = To, ["message"] = Message, ["after"] = page.Next,
            }.Where(p => !string.IsNullOrEmpty(p.Value)));
        }
        return Page();
    }

    /// <summary>The query the form asks for, with the problems of its input in the console's language.</summary>
    private AuditQuery Read(out List<string> problems)
    {
        problems = [];
        foreach (var (field, value) in new[] { (texts["The actor"], Actor), (texts["The kind"], Kind), (texts["The MessageID"], Message), (texts["The page"], After) })
        {
            if (value?.Length > AuditQuery.MaxTextLength)
            {
                problems.Add($"{field}: {texts["at most 256 characters"]}");
            }
        }
        var fromRead = consoleTime.TryParseInput(From?.Length > AuditQuery.MaxTextLength ? null : From, out var from);
        var toRead = consoleTime.TryParseInput(To?.Length > AuditQuery.MaxTextLength ? null : To, out var to);
        if (!fromRead || !toRead)
        {
            problems.Add(texts["A time of the period is not a date and time"]);
        }
        Guid? messageId = null;
        if (!string.IsNullOrWhiteSpace(Message) && Message.Length <= AuditQuery.MaxTextLength)
        {
            if (Guid.TryParse(Message.Trim(), out var parsed))
            {
                messageId = parsed;
            }
            else
            {
                problems.Add(texts["The MessageID is not a UUID"]);
            }
        }
        var end = to ?? time.GetUtcNow().AddMinutes(1);
        var query = new AuditQuery
        {
            From = from ?? end - DefaultPeriod,
            To = end,
            Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(),
            Kind = string.IsNullOrEmpty(Kind) ? null : Kind,
            MessageId = messageId,
            After = string.IsNullOrEmpty(After) ? null : After,
        };
        if (query.Kind is { Length: <= AuditQuery.MaxTextLength } kind && !AuditKind.All.Contains(kind))
        {
            problems.Add(texts["There is no such kind of entry"]);
        }
        if (query.From >= query.To)
        {
            problems.Add(texts["The period must end after it starts"]);
        }
        else if (query.To - query.From > AuditQuery.MaxPeriod)
        {
            problems.Add(texts["The period may be at most 366 days long"]);
        }
        if (query.After is { Length: <= AuditQuery.MaxTextLength } after && AuditCursor.Decode(after) is null)
        {
            problems.Add(texts["The page link is not one this console gave; start again from the first page"]);
        }
        From = ToSecond(query.From);
        To = ToSecond(query.To);
        return query;
    }

    // The period as read, seconds kept: the form and the next page's link carry it back, and a period cut to the minute
    // would drop or add entries of its first and last minute between pages.
    private string ToSecond(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, consoleTime.Zone).ToString(SecondInput, CultureInfo.InvariantCulture);
}
