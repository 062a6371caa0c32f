using System.Text.Json;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Demo;

/// <summary>
/// Writes the demo directory file the gateway imports at start (the format of the admin API's export): the region's
/// participants with their systems' certificate files, the business types, who provides them where, and who may send
/// what — the portal files e-applications with their providers, and every body may write to every other.
/// </summary>
public static class DemoDirectory
{
    public static string Write(string keysFolder)
    {
        var participants = DemoParticipants.All.Select(participant =>
        {
            var certificate = $"{participant.System}.cer";
            if (!File.Exists(Path.Combine(keysFolder, certificate)))
            {
                throw new FileNotFoundException($"No certificate for {participant.System} in {keysFolder}; create it with 'exchange keys issue'.");
            }
            return new
            {
                mnemonic = participant.Mnemonic,
                name = participant.Name,
                level = participant.Level,
                parent = participant.Parent,
                systems = new[] { new { mnemonic = participant.System, name = $"{participant.Name}: information system", certificates = new[] { new { file = certificate } } } },
            };
        });
        object[] types =
        [
            Type(DemoParticipants.OfficialLetter, "Official letter between bodies", "request"),
            Type(new MessageType(DemoParticipants.OfficialLetter.NamespaceUri, "OfficialLetterReceipt"), "Registration receipt of an official letter", "response"),
            Type(DemoParticipants.CitizenAppeal, "Citizen's appeal (59-FZ)", "request", 30, "calendar"),
            Type(new MessageType(DemoParticipants.CitizenAppeal.NamespaceUri, "CitizenAppealAnswer"), "Answer to a citizen's appeal", "response"),
            Type(DemoParticipants.DoctorAppointment, "Appointment with a doctor", "request", 1, "calendar"),
            Type(new MessageType(DemoParticipants.DoctorAppointment.NamespaceUri, "DoctorAppointmentResult"), "Appointment result", "response"),
            Type(DemoParticipants.HousingSubsidy, "Housing subsidy application", "request", 10, "working"),
            Type(new MessageType(DemoParticipants.HousingSubsidy.NamespaceUri, "HousingSubsidyDecision"), "Housing subsidy decision", "response"),
            Type(DemoParticipants.LandPlot, "Land plot for individual housing construction", "request", 20, "calendar"),
            Type(new MessageType(DemoParticipants.LandPlot.NamespaceUri, "LandPlotDecision"), "Land plot decision", "response"),
        ];
        var providers = DemoParticipants.Providers.Select(p => new
        {
            namespaceUri = p.Type.NamespaceUri, rootElement = p.Type.RootElement, territory = p.Territory, provider = p.Provider,
        });
        var permissions = DemoParticipants.Providers.Select(p => p.Type).Distinct()
            .Select(type => new { sender = (string?)"PORTAL", namespaceUri = type.NamespaceUri, rootElement = type.RootElement, recipients = "provider" })
            .Append(new { sender = (string?)null, namespaceUri = DemoParticipants.OfficialLetter.NamespaceUri, rootElement = DemoParticipants.OfficialLetter.RootElement, recipients = "any" });

        var path = Path.Combine(keysFolder, "directory.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { participants, types, providers, permissions },
            new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
        return path;
    }

    private static object Type(MessageType type, string name, string kind, int? answerDays = null, string? answerDayKind = null) =>
        new { namespaceUri = type.NamespaceUri, rootElement = type.RootElement, name, kind, answerDays, answerDayKind };
}
