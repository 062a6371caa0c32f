using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Registration;

namespace Exchange.Adapters.Edms.Api;

/// <summary>The answer to a citizen's appeal.</summary>
/// <param name="Outcome">supported, supported-measures-taken, explained, not-supported, forwarded or left-without-answer.</param>
public sealed record AnswerRequest(string? Outcome, string? Text, OfficialRequest? AnsweredBy, IReadOnlyList<FileRequest>? Files)
{
    internal AppealAnswer Read(FieldErrors errors)
    {
        var outcome = errors.Text("outcome", Outcome, 50);
        if (outcome.Length > 0 && !AppealAnswerWriter.Outcomes.Contains(outcome))
        {
            errors.Add("outcome", $"One of: {string.Join(", ", AppealAnswerWriter.Outcomes)}.");
        }
        return new AppealAnswer(outcome, errors.Text("text", Text, 50_000), OfficialRequest.Read(AnsweredBy, "answeredBy", errors),
            FileRequest.ReadAll(Files, errors));
    }
}
