using Exchange.Adapters.Edms.Domain.Business;

namespace Exchange.Adapters.Edms.Api;

/// <summary>An official who signs or answers.</summary>
public sealed record OfficialRequest(string? Surname, string? GivenName, string? Patronymic, string? Position)
{
    internal static Official Read(OfficialRequest? official, string field, FieldErrors errors)
    {
        if (official is null)
        {
            errors.Add(field, "Required: surname, givenName, position (patronymic if any).");
            return new Official("", "", null, "");
        }
        return new Official(errors.NamePart($"{field}.surname", official.Surname), errors.NamePart($"{field}.givenName", official.GivenName),
            official.Patronymic is null ? null : errors.NamePart($"{field}.patronymic", official.Patronymic),
            errors.Text($"{field}.position", official.Position, 250));
    }
}
