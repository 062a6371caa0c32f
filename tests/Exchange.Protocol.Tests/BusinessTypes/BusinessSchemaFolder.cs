using Exchange.Tests.Shared;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>The repository's <c>schemas/business</c> folder, found above the test binaries beside Exchange.sln.</summary>
internal static class BusinessSchemaFolder
{
    public static string Root { get; } = Locate();

    private static string Locate()
    {
        var business = Path.Combine(RepositoryRoot.Path, "schemas", "business");
        return Directory.Exists(business)
            ? business
            : throw new DirectoryNotFoundException($"{business} does not exist beside Exchange.sln.");
    }
}
