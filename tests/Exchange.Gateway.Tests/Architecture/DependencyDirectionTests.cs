using System.Reflection;
using Exchange.Domain.Directory;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Tests.Architecture;

/// <summary>
/// The rooms keep their doors: the domain knows no infrastructure, Storage and Broker know the domain but not each
/// other or the host, and the host reaches PostgreSQL only through Storage. Read from the compiled assemblies, so a
/// stray <c>using Npgsql</c> that compiles is caught here, not in review.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Domain = typeof(Participant).Assembly;
    private static readonly Assembly Storage = typeof(MessageStore).Assembly;
    private static readonly Assembly Broker = typeof(ConfirmedPublisher).Assembly;
    private static readonly Assembly Host = typeof(GatewayApplication).Assembly;

    private static IReadOnlyList<string> References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    private static IReadOnlyList<string> Matching(Assembly assembly, params string[] prefixes) =>
        [.. References(assembly).Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))];

    [Fact]
    public void the_domain_references_no_database_broker_or_web_framework_and_no_edge_project()
    {
        Assert.Empty(Matching(Domain, "Npgsql", "RabbitMQ", "Microsoft.AspNetCore", "Quartz", "Microsoft.Extensions",
            "Exchange.Gateway"));
    }

    [Fact]
    public void storage_and_broker_reference_the_domain_and_neither_each_other_nor_the_host()
    {
        Assert.Contains(Domain.GetName().Name, References(Storage));
        Assert.Contains(Domain.GetName().Name, References(Broker));
        Assert.Empty(Matching(Storage, "RabbitMQ", "Microsoft.AspNetCore", "Exchange.Gateway.Broker"));
        Assert.DoesNotContain("Exchange.Gateway", References(Storage));
        Assert.Empty(Matching(Broker, "Npgsql", "Microsoft.AspNetCore", "Exchange.Gateway.Storage"));
        Assert.DoesNotContain("Exchange.Gateway", References(Broker));
    }

    [Fact]
    public void the_host_reaches_postgresql_only_through_storage()
    {
        Assert.Empty(Matching(Host, "Npgsql"));
        Assert.Contains(Storage.GetName().Name, References(Host));
    }
}
