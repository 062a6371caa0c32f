namespace Exchange.Adapters.Edms.Domain;

/// <summary>The journals the EDMS's first migration creates (the district's nomenclature of cases).</summary>
public static class JournalCodes
{
    public const string IncomingCorrespondence = "01-15";
    public const string OutgoingCorrespondence = "01-16";
    public const string CitizensAppeals = "02-01";
    public const string Applications = "03-01";
}
