using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Protocol.Messages;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Adapters.Demo;

/// <summary>
/// A short scripted exchange: the portal files a citizen's appeal with the health committee, a district sends an
/// official letter to the informatization committee; each recipient takes its message and acknowledges it.
/// </summary>
public sealed class DemoExchange(Uri gateway, string keysFolder, string keyPassword, TextWriter output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    // The participants check that the gateway's answers are signed by a certificate of the regional CA.
    private readonly CertificateValidator _gatewayTrust = new(TrustStore.FromFiles(
        [Path.Combine(keysFolder, "ca.cer")], [Path.Combine(keysFolder, "ca.crl")], requireCrl: true));

    public async Task<IReadOnlyList<Guid>> RunAsync(CancellationToken cancellationToken)
    {
        var appeal = await SendAndReceiveAsync("PORTAL", "LO_HEALTH", Document(DemoParticipants.CitizenAppeal,
            ("Applicant", "Ivanova Maria Petrovna"), ("Settlement", "Sosnovskoye rural settlement, Priozersky district"),
            ("Text", "Please extend the opening hours of the outpatient clinic on Saturdays.")), cancellationToken);
        var letter = await SendAndReceiveAsync("VYBORG_DISTRICT", "LO_KIT", Document(DemoParticipants.OfficialLetter,
            ("RegistrationNumber", "01-15/2874"), ("RegistrationDate", "2026-11-25"),
            ("Subject", "Connecting the district archive to the interagency exchange"), ("Deadline", "2026-12-25")), cancellationToken);
        return [appeal, letter];
    }

    private async Task<Guid> SendAndReceiveAsync(string sender, string recipient, XmlElement document, CancellationToken cancellationToken)
    {
        var senderClient = Client(sender);
        var metadata = await senderClient.SendRequestAsync(document, cancellationToken: cancellationToken);
        output.WriteLine($"{sender} -> SendRequest {document.LocalName}: accepted as {metadata.MessageId}, {metadata.Status}, routed to {metadata.Recipient?.Mnemonic}");

        var recipientClient = Client(recipient);
        var received = await ReceiveAsync(recipientClient, MessageType.Of(document), cancellationToken);
        output.WriteLine($"{recipient} <- GetRequest: {received.MessageId} from {received.Metadata.Sender?.HumanReadableName}");
        foreach (var field in received.BusinessContent.ChildNodes.OfType<XmlElement>())
        {
            output.WriteLine($"      {field.LocalName}: {field.InnerText}");
        }
        await recipientClient.AckAsync(received.MessageId, cancellationToken: cancellationToken);
        output.WriteLine($"{recipient} -> Ack {received.MessageId}");

        var status = await senderClient.GetMessageHistoryAsync(metadata.MessageId, cancellationToken);
        output.WriteLine($"   status history: {string.Join(" -> ", status.History.Select(h => h.Status))}");
        return metadata.MessageId;
    }

    private static async Task<ReceivedRequest> ReceiveAsync(ExchangeClient client, MessageType type, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.GetRequestAsync(type, cancellationToken) is { } received)
            {
                return received;
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"Nothing of type {type} arrived within {Patience}.");
    }

    private ExchangeClient Client(string mnemonic) =>
        new(_http, new Uri(gateway, "/smev/v1.3/ws"),
            SigningKey.FromPkcs12(File.ReadAllBytes(Path.Combine(keysFolder, $"{mnemonic}.p12")), keyPassword),
            _gatewayTrust);

    private static XmlElement Document(MessageType type, params (string Name, string Value)[] fields)
    {
        var document = new XmlDocument();
        var root = document.CreateElement("d", type.RootElement, type.NamespaceUri);
        foreach (var (name, value) in fields)
        {
            root.AppendChild(document.CreateElement("d", name, type.NamespaceUri))!.InnerText = value;
        }
        document.AppendChild(root);
        return root;
    }
}
