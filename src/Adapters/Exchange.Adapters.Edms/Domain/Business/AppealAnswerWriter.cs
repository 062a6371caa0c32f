using System.Xml;

namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>Writes a CitizenAppealAnswer: the appeal's registration here, the outcome, the answer and who gave it.</summary>
public static class AppealAnswerWriter
{
    /// <summary>The outcomes schemas/business/appeal allows.</summary>
    public static readonly IReadOnlySet<string> Outcomes =
        new HashSet<string>(["supported", "supported-measures-taken", "explained", "not-supported", "forwarded", "left-without-answer"]);

    public static XmlElement Answer(Document appeal, string outcome, string text, Official answeredBy, DateTimeOffset answeredAt, TimeZoneInfo zone)
    {
        var answer = BusinessXml.Root(BusinessTypes.CitizenAppealAnswer);
        BusinessXml.AddRegistration(answer, "Registration", appeal.Number.ToString(), BusinessXml.Date(appeal.RegisteredAt, zone));
        BusinessXml.Add(answer, "Outcome", outcome);
        BusinessXml.Add(answer, "AnswerDate", BusinessXml.Date(answeredAt, zone));
        BusinessXml.AddOfficial(answer, "AnsweredBy", answeredBy);
        BusinessXml.Add(answer, "AnswerText", text);
        return answer;
    }
}
