using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;

namespace Exchange.Adapters.Edms.Registration;

/// <summary>The answer to a citizen's appeal.</summary>
/// <param name="Outcome">One of <see cref="AppealAnswerWriter.Outcomes"/>.</param>
public sealed record AppealAnswer(string Outcome, string Text, Official AnsweredBy, IReadOnlyList<DocumentFile> Files);
