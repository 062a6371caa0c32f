using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Hosting;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// Stores each message in one transaction and returns after the commit, so the host acknowledges only what is stored.
/// A message can come twice (a crash between the commit and the Ack): the MessageID is the key, and a second copy
/// changes nothing.
/// </summary>
public sealed class BareMessageHandler(BareAdapterStore store) : IExchangeMessageHandler
{
    public Task HandleRequestAsync(ReceivedRequest request, CancellationToken cancellationToken) =>
        StoreAsync(request.MessageId, "request", request.ReplyTo, null, false, request.BusinessContent.OuterXml, request.Attachments, cancellationToken);

    public Task HandleResponseAsync(ReceivedResponse response, CancellationToken cancellationToken) =>
        StoreAsync(response.MessageId, "response", null, response.OriginalMessageId, response.Rejections.Count > 0,
            response.BusinessContent?.OuterXml, response.Attachments, cancellationToken);

    private async Task StoreAsync(Guid messageId, string kind, string? replyTo, Guid? originalMessageId, bool rejected, string? content,
        IReadOnlyList<ReceivedAttachment> files, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var insert = BareAdapterStore.Command(connection, transaction,
            "INSERT INTO received VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING",
            messageId.ToString(), kind, replyTo, originalMessageId?.ToString(), rejected, content);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return;
        }
        foreach (var file in files)
        {
            await using var addFile = BareAdapterStore.Command(connection, transaction, "INSERT INTO received_files VALUES ($1, $2, $3)",
                messageId.ToString(), file.MimeType, file.Content.ToArray());
            await addFile.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
