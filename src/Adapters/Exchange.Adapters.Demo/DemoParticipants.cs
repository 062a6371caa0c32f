using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Demo;

/// <summary>
/// The demo region, modelled on the Leningrad region: regional committees, district administrations (Sosnovy Bor, a
/// city of regional significance, sits at district level), a rural settlement of Priozersky district, a district
/// hospital and the public services portal. Each participant has one information system whose mnemonic names its key.
/// </summary>
public static class DemoParticipants
{
    public static readonly MessageType CitizenAppeal = new("urn://exchange.region/appeal/1.0", "CitizenAppeal");
    public static readonly MessageType OfficialLetter = new("urn://exchange.region/correspondence/1.0", "OfficialLetter");
    public static readonly MessageType DoctorAppointment = new("urn://exchange.region/doctor-appointment/1.0", "DoctorAppointmentRequest");
    public static readonly MessageType HousingSubsidy = new("urn://exchange.region/housing-subsidy/1.0", "HousingSubsidyApplication");
    public static readonly MessageType LandPlot = new("urn://exchange.region/land-plot/1.0", "LandPlotApplication");

    public static readonly IReadOnlyList<DemoParticipant> All =
    [
        new("LO_KIT", "Committee for telecommunications and informatization of the Leningrad region", "regional_body", null, "LO_KIT_EDMS"),
        new("LO_HEALTH", "Health committee of the Leningrad region", "regional_body", null, "LO_HEALTH_EDMS"),
        new("LO_SOCIAL", "Social protection committee of the Leningrad region", "regional_body", null, "LO_SOCIAL_EDMS"),
        new("VYBORG_DISTRICT", "Administration of Vyborgsky district", "district", null, "VYBORG_EDMS"),
        new("LUGA_DISTRICT", "Administration of Luzhsky district", "district", null, "LUGA_EDMS"),
        new("PRIOZERSK_DISTRICT", "Administration of Priozersky district", "district", null, "PRIOZERSK_EDMS"),
        new("SOSNOVY_BOR", "Administration of Sosnovy Bor city", "district", null, "SOSNOVY_BOR_EDMS"),
        new("SOSNOVSKOYE", "Administration of Sosnovskoye rural settlement", "settlement", "PRIOZERSK_DISTRICT", "SOSNOVSKOYE_EDMS"),
        new("PRIOZERSK_HOSPITAL", "Priozersk central district hospital", "institution", "LO_HEALTH", "PRIOZERSK_HOSPITAL_MIS"),
        new("PORTAL", "Public services portal of the Leningrad region", "portal", null, "PORTAL_GATEWAY"),
    ];

    /// <summary>Where each portal flow goes: type, provider, and the territory it serves (null: the whole region).</summary>
    public static readonly IReadOnlyList<(MessageType Type, string Provider, string? Territory)> Providers =
    [
        (CitizenAppeal, "LO_HEALTH", null),
        (DoctorAppointment, "PRIOZERSK_HOSPITAL", "PRIOZERSK_DISTRICT"),
        (HousingSubsidy, "LO_SOCIAL", null),
        (LandPlot, "VYBORG_DISTRICT", "VYBORG_DISTRICT"),
        (LandPlot, "LUGA_DISTRICT", "LUGA_DISTRICT"),
        (LandPlot, "PRIOZERSK_DISTRICT", "PRIOZERSK_DISTRICT"),
        (LandPlot, "SOSNOVY_BOR", "SOSNOVY_BOR"),
    ];
}

/// <param name="Level">regional_body, district, settlement, institution or portal.</param>
/// <param name="System">The mnemonic of its information system, which is also the name of its key files.</param>
public sealed record DemoParticipant(string Mnemonic, string Name, string Level, string? Parent, string System);
