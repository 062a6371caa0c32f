using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Directory;

/// <summary>
/// Imports the deployment's reviewed directory file at start-up: the first time a given version of the file is seen, the
/// directory becomes what it says (entries it leaves out are retired or removed, and audited). A node that starts again
/// with a version already imported changes nothing, so what administrators changed since through the admin API stays.
/// (Start-up loads this node's directory copy afterwards; other nodes learn of the change by notification.)
/// </summary>
public sealed class DirectoryFileImporter(DirectoryStore store, ILogger<DirectoryFileImporter> logger)
{
    public async Task ImportAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var document = JsonSerializer.Deserialize<DirectoryDocument>(bytes, DirectoryNames.Json)
            ?? throw new InvalidDataException($"Directory file {path} is empty.");
        var content = document.ToContent(Path.GetDirectoryName(Path.GetFullPath(path)));
        var changes = await store.ImportFileAsync($"file:{Path.GetFileName(path)}", Path.GetFileName(path), bytes, content, cancellationToken);
        if (changes is null)
        {
            Log.DirectoryFileAlreadyImported(logger, path);
            return;
        }
        Log.DirectoryImported(logger, path, content.Participants.Count, content.Certificates.Count, changes.Count);
    }
}
