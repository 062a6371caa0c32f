using System.Text.Json;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Directory;

/// <summary>
/// Makes the directory equal to a <see cref="DirectoryDocument"/> file at start-up: the deployment's reviewed
/// directory. Entries missing from the file are retired or removed like any other directory change, and audited.
/// </summary>
public sealed class DirectoryFileImporter(DirectoryCache directory, ILogger<DirectoryFileImporter> logger)
{
    public async Task ImportAsync(string path, CancellationToken cancellationToken)
    {
        var content = (await ReadAsync(path, cancellationToken)).ToContent(Path.GetDirectoryName(Path.GetFullPath(path)));
        var changes = await directory.ChangeAsync($"file:{Path.GetFileName(path)}", _ => content, cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        Log.DirectoryImported(logger, path, content.Participants.Count, content.Certificates.Count, changes.Count);
    }

    public static async Task<DirectoryDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DirectoryDocument>(stream, DirectoryNames.Json, cancellationToken)
            ?? throw new InvalidDataException($"Directory file {path} is empty.");
    }
}
