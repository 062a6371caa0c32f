namespace Exchange.Signing.Tests.Interop;

/// <summary>A fresh directory under the system temp folder for one test's files, deleted with everything in it on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Path = Directory.CreateTempSubdirectory("exchange-interop-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> inside this directory.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] content)
    {
        File.WriteAllBytes(this[name], content);
        return this[name];
    }

    public string Write(string name, string content)
    {
        File.WriteAllText(this[name], content);
        return this[name];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
