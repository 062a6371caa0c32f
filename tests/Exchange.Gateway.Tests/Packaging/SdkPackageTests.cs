using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Exchange.Adapters.Sdk;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.Packaging;

/// <summary>
/// What <c>dotnet pack</c> makes of the SDK (as <c>scripts/pack.sh</c> does, but of the binaries this test run already
/// built, so it takes seconds): a package a vendor can install and read.
/// </summary>
public sealed class SdkPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task the_sdk_package_carries_its_readme_and_docs_and_depends_on_the_protocol_and_signing_packages()
    {
        var output = System.IO.Directory.CreateTempSubdirectory("exchange-pack");
        try
        {
            await PackAsync(Path.Combine(RepositoryRoot.Path, "src", "Adapters", "Exchange.Adapters.Sdk"), output.FullName);

            using var package = ZipFile.OpenRead(Assert.Single(output.GetFiles("Exchange.Adapters.Sdk.*.nupkg")).FullName);
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/Exchange.Adapters.Sdk.dll", entries);
            Assert.Contains("lib/net10.0/Exchange.Adapters.Sdk.xml", entries);
            await using var nuspecStream = package.GetEntry("Exchange.Adapters.Sdk.nuspec")!.Open();
            var nuspec = await XDocument.LoadAsync(nuspecStream, LoadOptions.None, TestContext.Current.CancellationToken);
            var ns = nuspec.Root!.Name.Namespace;
            Assert.Equal("README.md", nuspec.Descendants(ns + "readme").Single().Value);
            var dependencies = nuspec.Descendants(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
            var version = typeof(ExchangeClient).Assembly.GetName().Version!.ToString(3);
            Assert.Equal(version, dependencies["Exchange.Protocol"]);
            Assert.Equal(version, dependencies["Exchange.Signing"]);
            Assert.Contains("Polly.Core", dependencies.Keys);
            Assert.DoesNotContain("Microsoft.CodeAnalysis.PublicApiAnalyzers", dependencies.Keys);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task PackAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["pack", project, "--no-build", "--configuration", Configuration, "--output", output, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet pack did not start.");
        var printed = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"dotnet pack failed: {await printed}{await errors}");
    }
}
