namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>The repository's <c>schemas/business</c> folder, found above the test binaries beside Exchange.sln.</summary>
internal static class BusinessSchemaFolder
{
    public static string Root { get; } = Locate();

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Exchange.sln")))
            {
                var business = Path.Combine(directory.FullName, "schemas", "business");
                return Directory.Exists(business)
                    ? business
                    : throw new DirectoryNotFoundException($"{business} does not exist beside Exchange.sln.");
            }
        }
        throw new DirectoryNotFoundException($"Exchange.sln not found above {AppContext.BaseDirectory}.");
    }
}
