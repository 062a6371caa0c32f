using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Directory;

/// <summary>
/// This node's copy of the directory. Every call reads <see cref="Current"/>; <see cref="DirectoryChangeListener"/>
/// reloads it when any node changes the directory, and a node that changes it reloads at once.
/// </summary>
public sealed class DirectoryCache(DirectoryStore store, ILogger<DirectoryCache> logger)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile DirectorySnapshot _current = DirectorySnapshot.Empty;
    private TaskCompletionSource _changed = NewSignal();

    public DirectorySnapshot Current => _current;

    /// <summary>Completes at the next reload; for services that follow the directory (the queues this node consumes).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            _current = new DirectorySnapshot(await store.LoadAsync(cancellationToken));
            Interlocked.Exchange(ref _changed, NewSignal()).SetResult();
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Changes the directory and reloads this node's copy before returning (other nodes follow by notification).</summary>
    public async Task<IReadOnlyList<DirectoryChange>> ChangeAsync(string actor, Func<DirectoryContent, DirectoryContent> change,
        CancellationToken cancellationToken)
    {
        var changes = await store.ChangeAsync(actor, change, cancellationToken);
        Log.DirectoryChanged(logger, actor, changes.Count);
        if (changes.Count > 0)
        {
            await ReloadAsync(cancellationToken);
        }
        return changes;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
