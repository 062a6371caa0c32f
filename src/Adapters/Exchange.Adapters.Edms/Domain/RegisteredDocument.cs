namespace Exchange.Adapters.Edms.Domain;

/// <summary>A document just registered: its id and number.</summary>
public sealed record RegisteredDocument(long Id, RegistrationNumber Number, DateTimeOffset RegisteredAt);
