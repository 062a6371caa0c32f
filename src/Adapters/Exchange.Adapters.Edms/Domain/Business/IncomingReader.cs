using System.Xml;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>
/// Decides how a received business document is registered: appeals in the appeals journal, applications in the
/// applications journal, official letters and anything of an unknown type as incoming correspondence (an unknown type
/// flagged, never lost), each with the deadline its type gives.
/// </summary>
public static class IncomingReader
{
    public static IncomingDocument Read(XmlElement content, DateTimeOffset registeredAt, TimeZoneInfo zone)
    {
        var type = MessageType.Of(content);
        if (type == BusinessTypes.CitizenAppeal)
        {
            var kind = BusinessXml.Text(content, "Kind") ?? "appeal";
            return new IncomingDocument(DocumentKind.Appeal, JournalCodes.CitizensAppeals, $"Citizen's appeal ({kind})",
                BusinessXml.Text(content, "Text") ?? "", false, Applicant(content), null, registeredAt + BusinessTypes.AppealAnswerTime);
        }
        if (type == BusinessTypes.OfficialLetter)
        {
            return new IncomingDocument(DocumentKind.Incoming, JournalCodes.IncomingCorrespondence,
                BusinessXml.Text(content, "Subject") ?? type.RootElement,
                string.Join("\n", new[] { BusinessXml.Text(content, "Summary"), BusinessXml.Text(content, "Text") }.OfType<string>()),
                false, null, BusinessXml.Text(content, "Sender", "Name"),
                EndOfDay(BusinessXml.Text(content, "AnswerDeadline"), zone),
                BusinessXml.Text(content, "SenderRegistration", "Number") is { } number
                    ? (number, BusinessXml.Text(content, "SenderRegistration", "Date") ?? "")
                    : null);
        }
        if (BusinessTypes.Applications.TryGetValue(type, out var application))
        {
            return new IncomingDocument(DocumentKind.Application, JournalCodes.Applications, application.Title, BusinessXml.AllText(content),
                false, Applicant(content), null, registeredAt + application.AnswerTime);
        }
        return new IncomingDocument(DocumentKind.Incoming, JournalCodes.IncomingCorrespondence, $"Unknown type {type}",
            BusinessXml.AllText(content), true, null, null, null);
    }

    /// <summary>The citizen's name: the applicant's (appeals, land plots, subsidies) or the patient's (appointments).</summary>
    private static string? Applicant(XmlElement content) =>
        content.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName is "Applicant" or "Patient") is { } person
            ? BusinessXml.PersonName(person)
            : null;

    /// <summary>
    /// A letter's answer deadline is a date (xs:date, perhaps with an offset, which names the same day): the answer is
    /// late once that day is over where the EDMS works. None when absent or unreadable: the clerk sets one.
    /// </summary>
    private static DateTimeOffset? EndOfDay(string? date, TimeZoneInfo zone)
    {
        if (date is not { Length: >= 10 }
            || !DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return null;
        }
        var nextDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextDay, zone.GetUtcOffset(nextDay));
    }
}
