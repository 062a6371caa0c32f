using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <summary>A document as a search lists it.</summary>
/// <param name="UnknownType">Received of a type the EDMS does not know: registered as incoming correspondence, to be looked at.</param>
public sealed record DocumentSummary(string Number, DocumentKind Kind, string BusinessType, bool UnknownType, string Subject,
    string? Correspondent, string? CorrespondentName, string? Applicant, DateTimeOffset RegisteredAt, string Href)
{
    public static DocumentSummary Of(Document document) => new(document.Number.ToString(), document.Kind, document.BusinessType,
        document.UnknownType, document.Subject, document.Correspondent, document.CorrespondentName, document.Applicant, document.RegisteredAt,
        EdmsApi.DocumentPath(document.Number));
}
