namespace Exchange.Domain.Directory;

/// <summary>Where a participant stands in the region; settlements belong to a district.</summary>
public enum ParticipantLevel
{
    RegionalBody,
    District,
    Settlement,
    Institution,
    Portal,
}
