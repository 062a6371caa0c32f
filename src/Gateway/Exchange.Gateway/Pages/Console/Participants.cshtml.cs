using Exchange.Domain.Delivery;
using Exchange.Domain.Directory;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/participants</c>: per participant of the directory, its inbox (database) beside its queue (broker) and
/// whether it is taking messages; and the directory's certificates that expire within <see cref="CertificateWarning"/>.
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class ParticipantsModel(DirectoryCache directory, ParticipantQueues inboxes, QueueInspector broker,
    QueueConsumer consumer, TimeProvider time, IOptions<ConsoleOptions> options, ILogger<ParticipantsModel> logger) : PageModel
{
    public static readonly TimeSpan CertificateWarning = TimeSpan.FromDays(30);

    // A broker that does not answer must not hold the page: its figures are then left out.
    private static readonly TimeSpan BrokerPatience = TimeSpan.FromSeconds(5);

    /// <param name="Queue">The broker's figures; null when the queue does not exist or the broker could not be read.</param>
    /// <param name="ConsumedHere">Whether this node has a live consumer on the participant's queue.</param>
    public sealed record Row(Participant Participant, InboxState Inbox, QueueFigures? Queue, bool ConsumedHere, bool IsConsumerAlive);

    public sealed record ExpiringCertificate(SystemCertificate Certificate, InformationSystem System, Participant Participant, int DaysLeft)
    {
        public bool HasExpired => DaysLeft < 0;
    }

    public DateTimeOffset Now { get; private set; }

    public TimeSpan ConsumerAliveWindow => options.Value.ConsumerAliveWindow;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool BrokerUnread { get; private set; }

    public IReadOnlyList<ExpiringCertificate> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var snapshot = directory.Current;
        var participants = snapshot.Content.Participants.OrderBy(p => p.Mnemonic, StringComparer.Ordinal).ToList();
        var states = await inboxes.ReadAsync(Now, cancellationToken);
        var queues = await ReadQueuesAsync(participants.Select(p => p.Mnemonic), cancellationToken);
        Rows = participants.Select(p =>
        {
            var inbox = states.GetValueOrDefault(p.Mnemonic) ?? InboxState.Idle(p.Mnemonic);
            return new Row(p, inbox, queues.GetValueOrDefault(p.Mnemonic), consumer.IsConsuming(p.Mnemonic),
                inbox.IsConsumerAlive(Now, ConsumerAliveWindow));
        }).ToList();
        Certificates = snapshot.ExpiringCertificates(Now, CertificateWarning)
            .Select(c => new ExpiringCertificate(c.Certificate, c.System, c.Participant, (int)Math.Floor((c.Certificate.NotAfter - Now).TotalDays)))
            .ToList();
    }

    private async Task<IReadOnlyDictionary<string, QueueFigures?>> ReadQueuesAsync(IEnumerable<string> mnemonics,
        CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(BrokerPatience);
        try
        {
            return await broker.InspectRecipientsAsync(mnemonics, patience.Token);
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.QueueInspectionFailed(logger, e);
            BrokerUnread = true;
            return new Dictionary<string, QueueFigures?>();
        }
    }
}
