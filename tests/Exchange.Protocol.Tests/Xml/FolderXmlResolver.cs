using System.Xml;

namespace Exchange.Protocol.Tests.Xml;

/// <summary>
/// Resolves schema imports to local files inside one folder only: anything else (other folders, http, UNC)
/// is refused, and every file is checked to carry no DTD before the schema reader sees it.
/// </summary>
internal sealed class FolderXmlResolver(string folder) : XmlResolver
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
    private readonly List<string> _read = [];

    /// <summary>Full paths of the files handed out, in order.</summary>
    public IReadOnlyList<string> FilesRead => _read;

    public static XmlReaderSettings SafeReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream) && ofObjectToReturn != typeof(object))
        {
            throw new XmlException($"Only streams are handed out, not {ofObjectToReturn}.");
        }
        var path = Allowed(absoluteUri);
        var bytes = File.ReadAllBytes(path);
        using (var probe = XmlReader.Create(new MemoryStream(bytes, writable: false), SafeReaderSettings()))
        {
            while (probe.Read())
            {
                // Reading it through once proves it is well-formed and has no DTD (DtdProcessing.Prohibit throws).
            }
        }
        _read.Add(path);
        return new MemoryStream(bytes, writable: false);
    }

    /// <summary>The local path of <paramref name="uri"/> if it lies inside the folder; throws otherwise.</summary>
    public string Allowed(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !uri.IsFile || uri.IsUnc)
        {
            throw new XmlException($"{uri} refused: only files in {_root} are allowed.");
        }
        var path = Path.GetFullPath(uri.LocalPath);
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new XmlException($"{uri} refused: it is outside {_root}.");
        }
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new XmlException($"{uri} refused: it is a symbolic link.");
        }
        return path;
    }
}
