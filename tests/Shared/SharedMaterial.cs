namespace Exchange.Tests.Shared;

/// <summary>
/// The project's shared reference material (SMEV 3 schemas and signature vectors), which lives beside the
/// repository in <c>../shared</c> and is read from there, never copied in. EXCHANGE_SHARED_DIR overrides it.
/// </summary>
public static class SharedMaterial
{
    public static string Root { get; } = Locate();

    public static string Smev3(params string[] parts) => Path.Combine([Root, "smev3", .. parts]);

    public static byte[] ReadBytes(params string[] smev3Parts) => File.ReadAllBytes(Smev3(smev3Parts));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("EXCHANGE_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared"));
        return Directory.Exists(Path.Combine(shared, "smev3"))
            ? shared
            : throw new DirectoryNotFoundException(
                $"The shared material is expected at {shared} (beside the repository); set EXCHANGE_SHARED_DIR to where it is.");
    }
}
