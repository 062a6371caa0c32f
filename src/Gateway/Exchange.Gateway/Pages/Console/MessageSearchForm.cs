using System.Globalization;
using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.ConsoleSite;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// The Messages page's search form as typed: every field a string, so that binding refuses nothing and the page can
/// show back what was entered. <see cref="ToQuery"/> reads it into a <see cref="MessageQuery"/>, or says in the
/// console's language everything that keeps it from running.
/// </summary>
public sealed class MessageSearchForm
{
    public const string TestOnly = "test";
    public const string RealOnly = "real";
    public const int DefaultPageSize = 50;

    /// <summary>
    /// The period searched when the form names none and no MessageID: the last day is what an operator asks about most
    /// ("what happened today"), and it bounds a search by a rare filter that would otherwise walk the whole history.
    /// A MessageID is exact, so it is found at any age.
    /// </summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromHours(24);

    // The default period ends a little after now, so that a message accepted this very moment, or by a node whose
    // clock runs slightly ahead, is listed too.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    public string? Id { get; set; }
    public string? Sender { get; set; }
    public string? Recipient { get; set; }
    public string? Namespace { get; set; }
    public string? Root { get; set; }
    public string? Status { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    /// <summary><see cref="TestOnly"/>, <see cref="RealOnly"/>, or empty for both.</summary>
    public string? Test { get; set; }

    /// <summary>"true" when only overdue requests are wanted.</summary>
    public string? Overdue { get; set; }

    public string? Size { get; set; }

    /// <summary>The cursor of the page before; empty on the first page.</summary>
    public string? After { get; set; }

    /// <summary>The form names no period, so <see cref="DefaultPeriod"/> is searched.</summary>
    public bool UsesDefaultPeriod => string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To) && string.IsNullOrEmpty(Id);

    /// <summary>The query the form asks for; when problems are listed, it must not run.</summary>
    public (MessageQuery Query, IReadOnlyList<string> Problems) ToQuery(ConsoleTime time, DateTimeOffset now, IStringLocalizer<MessagesModel> texts)
    {
        var problems = new List<string>();
        foreach (var (label, value) in new[]
                 {
                     (texts["MessageID"], Id), (texts["Sender"], Sender), (texts["Recipient"], Recipient),
                     (texts["Type namespace"], Namespace), (texts["Root element"], Root), (texts["Status"], Status),
                     (texts["From"], From), (texts["To"], To), (texts["Test messages"], Test), (texts["Overdue only"], Overdue),
                     (texts["Rows per page"], Size), (texts["Page link"], After),
                 })
        {
            if (value?.Length > MessageQuery.MaxTextLength)
            {
                problems.Add(texts["{0}: at most {1} characters, not {2}", label.Value, MessageQuery.MaxTextLength, value.Length]);
            }
        }
        if (problems.Count > 0)
        {
            // Nothing this long is worth reading further: the page says what to shorten and stops.
            return (new MessageQuery(), problems);
        }

        Guid? messageId = null;
        if (!string.IsNullOrEmpty(Id))
        {
            if (Guid.TryParse(Id.Trim(), out var parsed))
            {
                messageId = parsed;
            }
            else
            {
                problems.Add(texts["The MessageID must be a GUID, such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427"]);
            }
        }
        if (!string.IsNullOrEmpty(Status) && !MessageStatus.All.Contains(Status))
        {
            problems.Add(texts["Choose a status from the list"]);
        }
        if (!string.IsNullOrEmpty(Root) && string.IsNullOrEmpty(Namespace))
        {
            problems.Add(texts["A root element names a message type only with its namespace"]);
        }
        if (Test is not (null or "" or TestOnly or RealOnly))
        {
            problems.Add(texts["Choose which messages to show: all, test only or real only"]);
        }
        if (Overdue is not (null or "" or "true"))
        {
            problems.Add(texts["The overdue mark is either set or not"]);
        }
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(Size)
            && (!int.TryParse(Size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MessageQuery.MaxPageSize))
        {
            problems.Add(texts["Rows per page: a number from 1 to {0}", MessageQuery.MaxPageSize]);
        }
        if (!string.IsNullOrEmpty(After) && MessageCursor.Decode(After) is null)
        {
            problems.Add(texts["The page link is not one this console gave: start again from the first page"]);
        }
        var (from, to) = Period(time, now, texts, problems);

        var query = new MessageQuery
        {
            MessageId = messageId,
            Sender = Trimmed(Sender),
            Recipient = Trimmed(Recipient),
            NamespaceUri = Trimmed(Namespace),
            RootElement = Trimmed(Root),
            Status = string.IsNullOrEmpty(Status) ? null : Status,
            From = from,
            To = to,
            IsTest = Test switch { TestOnly => true, RealOnly => false, _ => null },
            OverdueOnly = Overdue == "true",
            PageSize = pageSize,
            After = string.IsNullOrEmpty(After) ? null : After,
        };
        if (problems.Count == 0 && query.Problems().Count > 0)
        {
            // The domain refuses something the checks above let through: still no English sentence on the page.
            problems.Add(texts["The search cannot run as entered: check the fields"]);
        }
        return (query, problems);
    }

    /// <summary>The query string of this search's page after <paramref name="cursor"/>: the same filters, as typed.</summary>
    public QueryString PageAfter(string cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["id"] = Id, ["sender"] = Sender, ["recipient"] = Recipient, ["namespace"] = Namespace, ["root"] = Root,
        ["status"] = Status, ["from"] = From, ["to"] = To, ["test"] = Test, ["overdue"] = Overdue, ["size"] = Size,
        ["after"] = cursor,
    }.Where(field => !string.IsNullOrEmpty(field.Value)));

    private (DateTimeOffset? From, DateTimeOffset? To) Period(ConsoleTime time, DateTimeOffset now, IStringLocalizer<MessagesModel> periodTexts,
        List<string> problems)
    {
        if (UsesDefaultPeriod)
        {
            return (now - DefaultPeriod, now + ClockMargin);
        }
        var fromRead = time.TryParseInput(From, out var from);
        var toRead = time.TryParseInput(To, out var to);
        if (!fromRead)
        {
            problems.Add(periodTexts["The start of the period is not a date and time"]);
        }
        if (!toRead)
        {
            problems.Add(periodTexts["The end of the period is not a date and time"]);
        }
        if (!fromRead || !toRead)
        {
            return (null, null);
        }
        if (from.HasValue != to.HasValue)
        {
            problems.Add(periodTexts["Give both the start and the end of the period, or neither for the last 24 hours"]);
        }
        else if (from >= to)
        {
            problems.Add(periodTexts["The period must end after it starts"]);
        }
        else if (to - from > MessageQuery.MaxPeriod)
        {
            problems.Add(periodTexts["The period may be at most {0} days", MessageQuery.MaxPeriod.TotalDays]);
        }
        return (from, to);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
