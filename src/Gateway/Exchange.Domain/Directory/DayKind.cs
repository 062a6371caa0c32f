namespace Exchange.Domain.Directory;

public enum DayKind
{
    Calendar,
    Working,
}
