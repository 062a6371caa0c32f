using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Protocol.Messages;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;

namespace Exchange.Adapters.Demo;

/// <summary>
/// A short scripted exchange: the portal files a citizen's appeal with the health committee, a district sends an
/// official letter to the informatization committee with a signed scan of it as MTOM, the portal files a land-plot
/// application for a settlement (routed to its district); each recipient takes its message and acknowledges it.
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
        var appeal = await SendAndReceiveAsync("PORTAL_GATEWAY", "LO_HEALTH_EDMS", Document("citizen-appeal.xml"), new SendOptions(), cancellationToken);
        var scan = new OutgoingAttachment("letter-scan", "text/plain",
            "Scan of the signed letter (page 1 of 1)."u8.ToArray(), SignWith: Key("VYBORG_EDMS"));
        var letter = await SendAndReceiveAsync("VYBORG_EDMS", "LO_KIT_EDMS", Document("official-letter.xml"),
            new SendOptions(To: "LO_KIT", Attachments: [scan]), cancellationToken);
        // Filed for a plot in Sosnovskoye settlement: the directory routes it to Priozersky district's administration.
        var landPlot = await SendAndReceiveAsync("PORTAL_GATEWAY", "PRIOZERSK_EDMS", Document("land-plot.xml"),
            new SendOptions(Territory: "SOSNOVSKOYE"), cancellationToken);
        return [appeal, letter, landPlot];
    }

    /// <param name="sender">The sending information system.</param>
    /// <param name="recipient">The information system expected to receive it.</param>
    private async Task<Guid> SendAndReceiveAsync(string sender, string recipient, XmlElement document, SendOptions options,
        CancellationToken cancellationToken)
    {
        var senderClient = Client(sender, mtom: options.Attachments is { Count: > 0 });
        var metadata = await senderClient.SendRequestAsync(document, options, cancellationToken);
        output.WriteLine($"{sender} -> SendRequest {document.LocalName}: accepted as {metadata.MessageId}, {metadata.Status}, routed to {metadata.Recipient?.Mnemonic}");

        var recipientClient = Client(recipient);
        var received = await ReceiveAsync(recipientClient, MessageType.Of(document), cancellationToken);
        output.WriteLine($"{recipient} <- GetRequest: {received.MessageId} from {received.Metadata.Sender?.HumanReadableName}");
        output.WriteLine(received.Authorship.Signer is { } signer
            ? $"      authorship proven: signed by {signer.Subject} ({signer.Thumbprint[..16]}…)"
            : $"      authorship NOT proven ({received.Authorship.Status}): {received.Authorship.Problem}");
        foreach (var field in received.BusinessContent.ChildNodes.OfType<XmlElement>())
        {
            var words = field.SelectNodes(".//text()")!.Cast<XmlNode>().SelectMany(t => t.Value!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var text = string.Join(' ', words);
            output.WriteLine($"      {field.LocalName}: {(text.Length <= 90 ? text : text[..90] + "…")}");
        }
        foreach (var attachment in received.Attachments)
        {
            output.WriteLine($"      attachment {attachment.ContentId}: {attachment.MimeType}, {attachment.Content.Length} bytes, signature {attachment.Signature}");
        }
        await recipientClient.AckAsync(received.MessageId, cancellationToken: cancellationToken);
        output.WriteLine($"{recipient} -> Ack {received.MessageId}");

        var status = await senderClient.GetMessageStatusAsync(metadata.MessageId, cancellationToken);
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

    private ExchangeClient Client(string mnemonic, bool mtom = false) =>
        new(_http, new Uri(gateway, "/smev/v1.3/ws"), Key(mnemonic), _gatewayTrust, mtom);

    private SigningKey Key(string mnemonic) =>
        SigningKey.FromPkcs12(File.ReadAllBytes(Path.Combine(keysFolder, $"{mnemonic}.p12")), keyPassword);

    /// <summary>A business document of the demo, valid against its type's schema in schemas/business.</summary>
    private static XmlElement Document(string name)
    {
        using var stream = typeof(DemoExchange).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The demo has no document {name}.");
        var document = new XmlDocument();
        document.Load(stream);
        return document.DocumentElement!;
    }
}
