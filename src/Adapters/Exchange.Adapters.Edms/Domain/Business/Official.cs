namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>An official who signs or answers: name and position.</summary>
public sealed record Official(string Surname, string GivenName, string? Patronymic, string Position);
