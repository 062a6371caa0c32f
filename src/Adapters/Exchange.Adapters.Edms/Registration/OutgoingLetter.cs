using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;

namespace Exchange.Adapters.Edms.Registration;

/// <summary>A letter to write, register and send.</summary>
/// <param name="To">The addressee's participant mnemonic in the exchange.</param>
/// <param name="AddresseeName">The addressee body's name as the letter names it.</param>
public sealed record OutgoingLetter(string To, string AddresseeName, string Subject, string Text, DateOnly? AnswerDeadline, Official Signer,
    IReadOnlyList<DocumentFile> Files);
