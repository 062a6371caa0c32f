namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>One realistic, valid document per catalog entry, by the entry's qualified name.</summary>
internal static class BusinessSamples
{
    public static IReadOnlyDictionary<string, string> ByQualifiedName { get; } = new Dictionary<string, string>
    {
        ["{urn://exchange.region/correspondence/1.0}OfficialLetter"] = CorrespondenceSamples.Letter,
        ["{urn://exchange.region/correspondence/1.0}OfficialLetterReceipt"] = CorrespondenceSamples.RegisteredReceipt,
        ["{urn://exchange.region/appeal/1.0}CitizenAppeal"] = AppealSamples.Appeal,
        ["{urn://exchange.region/appeal/1.0}CitizenAppealAnswer"] = AppealSamples.Answer,
        ["{urn://exchange.region/doctor-appointment/1.0}DoctorAppointmentRequest"] = DoctorAppointmentSamples.Request,
        ["{urn://exchange.region/doctor-appointment/1.0}DoctorAppointmentResult"] = DoctorAppointmentSamples.Confirmed,
        ["{urn://exchange.region/housing-subsidy/1.0}HousingSubsidyApplication"] = HousingSubsidySamples.Application,
        ["{urn://exchange.region/housing-subsidy/1.0}HousingSubsidyDecision"] = HousingSubsidySamples.Granted,
        ["{urn://exchange.region/land-plot/1.0}LandPlotApplication"] = LandPlotSamples.Application,
        ["{urn://exchange.region/land-plot/1.0}LandPlotDecision"] = LandPlotSamples.Approved,
    };
}
