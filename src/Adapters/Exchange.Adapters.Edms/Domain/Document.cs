namespace Exchange.Adapters.Edms.Domain;

/// <summary>A registered document as the document store shows it.</summary>
public sealed record Document(long Id, RegistrationNumber Number, DocumentKind Kind, string BusinessType, bool UnknownType,
    Guid? MessageId, string? Correspondent, string? CorrespondentName, string? ReplyTo, string? Applicant, string Subject, string Body,
    DateTimeOffset RegisteredAt, long? Answers)
{
    public IReadOnlyList<StoredFile> Files { get; init; } = [];
    public ControlCard? Control { get; init; }
    public IReadOnlyList<ExchangeAnswer> ExchangeAnswers { get; init; } = [];
}
