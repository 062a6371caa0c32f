namespace Exchange.Tests.Shared;

/// <summary>The folder holding Exchange.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Exchange.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"Exchange.sln not found above {AppContext.BaseDirectory}.");
    }
}
