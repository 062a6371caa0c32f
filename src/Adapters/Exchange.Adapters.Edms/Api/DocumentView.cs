using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <summary>A document with its files, its control card, what came back for it through the exchange and, sent, what became of it.</summary>
/// <param name="Authorship">For a received document, whether its sender's own signature proves who wrote it: proven, unsigned, invalid or untrusted.</param>
/// <param name="MessageId">The MessageID it came with (incoming) or is sent with (outgoing).</param>
public sealed record DocumentView(string Number, DocumentKind Kind, string BusinessType, bool UnknownType, Guid? MessageId,
    string? Correspondent, string? CorrespondentName, string? ReplyTo, string? Authorship, string? Applicant, string Subject, string Body,
    DateTimeOffset RegisteredAt, IReadOnlyList<FileView> Files, ControlView? Control, IReadOnlyList<ExchangeAnswer> ExchangeAnswers,
    IReadOnlyList<DeliveryStatus> DeliveryStatuses)
{
    public static DocumentView Of(Document document, DateTimeOffset now) => new(document.Number.ToString(), document.Kind,
        document.BusinessType, document.UnknownType, document.MessageId, document.Correspondent, document.CorrespondentName, document.ReplyTo, document.Authorship,
        document.Applicant, document.Subject, document.Body, document.RegisteredAt,
        document.Files.Select(file => FileView.Of(document.Number, file)).ToList(),
        document.Control is { } control ? ControlView.Of(control, now) : null, document.ExchangeAnswers, document.DeliveryStatuses);
}
