using System.Xml;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>
/// Lets a schema import only files inside one folder: no network, no file outside it, no symbolic link, so a
/// schema cannot pull in anything that was not reviewed with it.
/// </summary>
internal sealed class FolderOnlyXmlResolver(string folder) : XmlResolver
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;

    public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        if (!absoluteUri.IsFile)
        {
            throw new XmlException($"{absoluteUri} refused: schemas are read only from {_root}.");
        }
        var path = Path.GetFullPath(absoluteUri.LocalPath);
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new XmlException($"{path} refused: it is outside {_root}.");
        }
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new XmlException($"{path} refused: it is a symbolic link.");
        }
        if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream))
        {
            throw new XmlException($"{path} refused: only a stream can be returned, not {ofObjectToReturn}.");
        }
        return File.OpenRead(path);
    }
}
