namespace Exchange.Adapters.Edms.Domain;

/// <summary>A search of the document store; every criterion given must hold.</summary>
/// <param name="Sender">A correspondent's participant mnemonic, or part of its name.</param>
/// <param name="Text">Words of the subject, text, applicant or correspondent (Russian word forms match).</param>
public sealed record DocumentQuery(RegistrationNumber? Number = null, string? Sender = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, string? Text = null, int Limit = 50);
