using Exchange.Adapters.Sdk.Hosting;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>Keeps each status event of the adapter's own messages.</summary>
public sealed class BareStatusHandler(BareAdapterStore store) : IExchangeStatusHandler
{
    public async Task HandleStatusAsync(ProcessingStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var insert = BareAdapterStore.Command(connection, null, "INSERT INTO statuses VALUES ($1, $2)",
            status.OriginalMessageId.ToString(), status.StatusCategory);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
