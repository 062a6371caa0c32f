using System.Text.RegularExpressions;
using Exchange.Adapters.Edms.Registration;

namespace Exchange.Adapters.Edms.Api;

/// <summary>An outgoing official letter to register and send.</summary>
/// <param name="To">The addressee's participant mnemonic in the exchange (e.g. LO_KIT).</param>
/// <param name="AnswerDeadline">The date the answer is expected by, if any (yyyy-MM-dd).</param>
public sealed partial record LetterRequest(string? To, string? AddresseeName, string? Subject, string? Text, DateOnly? AnswerDeadline,
    OfficialRequest? Signer, IReadOnlyList<FileRequest>? Files)
{
    internal OutgoingLetter Read(FieldErrors errors)
    {
        var to = errors.Text("to", To, 100);
        if (to.Length > 0 && !MnemonicPattern().IsMatch(to))
        {
            errors.Add("to", "A participant's mnemonic: Latin capitals, digits and underscores, e.g. LO_KIT.");
        }
        return new OutgoingLetter(to, errors.Text("addresseeName", AddresseeName, 500), errors.Text("subject", Subject, 500),
            errors.Text("text", Text, 100_000), AnswerDeadline, OfficialRequest.Read(Signer, "signer", errors), FileRequest.ReadAll(Files, errors));
    }

    [GeneratedRegex("^[A-Z0-9_]+$")]
    private static partial Regex MnemonicPattern();
}
