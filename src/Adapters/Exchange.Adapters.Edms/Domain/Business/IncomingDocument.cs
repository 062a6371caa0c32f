namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>What the EDMS registers of a received business document.</summary>
/// <param name="DueAt">When its answer is due; null when none is asked for.</param>
/// <param name="SenderRegistration">An official letter's number and date at its sender, which its receipt repeats.</param>
public sealed record IncomingDocument(DocumentKind Kind, string Journal, string Subject, string Body, bool UnknownType,
    string? Applicant, string? CorrespondentName, DateTimeOffset? DueAt, (string Number, string Date)? SenderRegistration = null);
