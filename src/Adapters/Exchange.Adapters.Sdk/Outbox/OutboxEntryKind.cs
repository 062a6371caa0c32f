namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>Which SMEV call sends an entry; stored by name.</summary>
internal enum OutboxEntryKind
{
    Request,
    Response,
    Rejection,
}
