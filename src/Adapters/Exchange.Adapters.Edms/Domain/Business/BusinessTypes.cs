using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>The region's business types the EDMS registers and answers (schemas/business).</summary>
public static class BusinessTypes
{
    public const string CommonNamespace = "urn://exchange.region/common/1.0";

    public static readonly MessageType OfficialLetter = new("urn://exchange.region/correspondence/1.0", "OfficialLetter");
    public static readonly MessageType OfficialLetterReceipt = new(OfficialLetter.NamespaceUri, "OfficialLetterReceipt");
    public static readonly MessageType CitizenAppeal = new("urn://exchange.region/appeal/1.0", "CitizenAppeal");
    public static readonly MessageType CitizenAppealAnswer = new(CitizenAppeal.NamespaceUri, "CitizenAppealAnswer");

    /// <summary>59-FZ art. 12: the answer is due 30 days after registration.</summary>
    public static readonly TimeSpan AppealAnswerTime = TimeSpan.FromDays(30);

    /// <summary>The public-service applications and the time each one's answer is due in, as the catalog gives it.</summary>
    public static readonly IReadOnlyDictionary<MessageType, (string Title, TimeSpan AnswerTime)> Applications =
        new Dictionary<MessageType, (string, TimeSpan)>
        {
            [new("urn://exchange.region/land-plot/1.0", "LandPlotApplication")] = ("Land plot for individual housing construction", TimeSpan.FromDays(20)),
            // 10 working days, which the catalog gives as 14 calendar days.
            [new("urn://exchange.region/housing-subsidy/1.0", "HousingSubsidyApplication")] = ("Housing subsidy application", TimeSpan.FromDays(14)),
            [new("urn://exchange.region/doctor-appointment/1.0", "DoctorAppointmentRequest")] = ("Appointment with a doctor", TimeSpan.FromDays(1)),
        };
}
