using System.Data.Common;
using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;

namespace Exchange.Adapters.Edms.Tests;

/// <summary>Records what it is given on the EDMS's transaction, then fails, as if the EDMS died before its commit.</summary>
public sealed class FailingAfterEnqueueOutbox : IExchangeOutbox
{
    private readonly RecordingOutbox _recording = new();

    public async Task<Guid> EnqueueRequestAsync(XmlElement businessContent, SendOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        await _recording.EnqueueRequestAsync(businessContent, options, transaction, cancellationToken);
        throw Failure();
    }

    public async Task<Guid> EnqueueResponseAsync(string to, XmlElement businessContent, ResponseOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        await _recording.EnqueueResponseAsync(to, businessContent, options, transaction, cancellationToken);
        throw Failure();
    }

    public async Task<Guid> EnqueueRejectionAsync(string to, string code, string description, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        await _recording.EnqueueRejectionAsync(to, code, description, transaction, cancellationToken);
        throw Failure();
    }

    private static IOException Failure() => new("The EDMS fails after the outbox took the message, before its own commit.");
}
