namespace Exchange.Adapters.Sdk.Hosting;

/// <summary>
/// What an EDMS does with each message the adapter host receives. The host acknowledges a message only after the
/// handler returned, so return only once the message is committed in the EDMS's own store; throw to leave it
/// unacknowledged (it comes again after its lease). A message can come twice (a crash after the commit, before the
/// acknowledgement): store it by <see cref="ReceivedRequest.MessageId"/> so the second time changes nothing.
/// </summary>
public interface IExchangeMessageHandler
{
    Task HandleRequestAsync(ReceivedRequest request, CancellationToken cancellationToken);

    Task HandleResponseAsync(ReceivedResponse response, CancellationToken cancellationToken);
}
