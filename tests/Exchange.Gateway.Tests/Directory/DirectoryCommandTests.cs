using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Exchange.Cli;

namespace Exchange.Gateway.Tests.Directory;

/// <summary><c>exchange directory ...</c> against a running gateway: the reviewed file goes in and out unchanged.</summary>
public sealed class DirectoryCommandTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] words)
    {
        var output = new StringWriter();
        var exit = await DirectoryCommand.RunAsync(new Arguments([.. words, "--url", gateway.BaseAddress.ToString(), "--token", gateway.AdminToken]), output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task the_directory_file_the_gateway_started_from_imports_without_a_change_its_certificate_files_sent_inline()
    {
        var (exit, output) = await RunAsync("directory", "import", gateway.DirectoryFile);

        Assert.Equal(0, exit);
        Assert.StartsWith("0 change(s)", output);
        Assert.Contains("\"pem\"", DirectoryCommand.WithInlineCertificates(gateway.DirectoryFile).ToJsonString());
    }

    [Fact]
    public async Task an_export_edited_and_imported_changes_the_directory_and_the_audit_names_the_token_holder()
    {
        var file = Path.Combine(Path.GetTempPath(), $"exchange-directory-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await RunAsync("directory", "export", "--out", file)).Exit);
            var directory = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
            directory["participants"]!.AsArray().Add(new JsonObject { ["mnemonic"] = "FROM_CLI", ["name"] = "Added by file", ["level"] = "institution" });
            await File.WriteAllTextAsync(file, directory.ToJsonString(), TestContext.Current.CancellationToken);

            var (exit, output) = await RunAsync("directory", "import", file);

            Assert.Equal(0, exit);
            Assert.Contains("added participant FROM_CLI", output);
            var (_, list) = await RunAsync("directory", "list", "participants");
            Assert.Contains("FROM_CLI", list);
            var (_, retired) = await RunAsync("directory", "retire", "participant", "FROM_CLI");
            Assert.Contains("changed participant FROM_CLI", retired);
            var (_, audit) = await RunAsync("directory", "audit", "--entity", "participant", "--key", "FROM_CLI");
            Assert.Equal(2, JsonNode.Parse(audit)!.AsArray().Count(e => (string?)e!["actor"] == "tester"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task an_api_token_is_issued_once_listed_without_its_secret_and_retired()
    {
        var (issueExit, issued) = await RunAsync("directory", "token", "issue", "PORTAL_SYSTEM", "--label", "from the CLI");
        var answer = JsonNode.Parse(issued[..issued.IndexOf("Keep the token", StringComparison.Ordinal)])!;
        var (id, secret) = ((long)answer["id"]!, (string)answer["token"]!);

        var (_, listed) = await RunAsync("directory", "token", "list", "PORTAL_SYSTEM");
        var (retireExit, retired) = await RunAsync("directory", "token", "retire", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((0, 0), (issueExit, retireExit));
        Assert.Equal("from the CLI", (string?)answer["label"]);
        Assert.Contains(JsonNode.Parse(listed)!.AsArray(), t => (long)t!["id"]! == id && (string?)t["label"] == "from the CLI");
        Assert.DoesNotContain(secret, listed);
        Assert.StartsWith($"retired API token {id} of PORTAL_SYSTEM", retired);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Participants.ParticipantApi.StatusAsync(gateway, Guid.NewGuid(), secret)).Status);
        await Assert.ThrowsAsync<UsageException>(() => RunAsync("directory", "token", "retire", "not-a-number"));
    }

    [Fact]
    public async Task a_certificate_file_whose_key_the_gateway_cannot_use_is_refused_naming_the_file_and_nothing_is_sent()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("exchange-directory-").FullName;
        try
        {
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            using var certificate = new CertificateRequest("CN=P-384", p384,
                HashAlgorithmName.SHA384).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(folder, "p384.pem"), certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "not-a-certificate.cer"), "hello", TestContext.Current.CancellationToken);
            var file = Path.Combine(folder, "directory.json");
            foreach (var certificateFile in new[] { "p384.pem", "not-a-certificate.cer" })
            {
                var directory = new JsonObject
                {
                    ["participants"] = new JsonArray(new JsonObject
                    {
                        ["mnemonic"] = "FILE_CHECKED", ["name"] = "Checked", ["level"] = "institution",
                        ["systems"] = new JsonArray(new JsonObject
                        {
                            ["mnemonic"] = "FILE_CHECKED_SYSTEM", ["name"] = "EDMS",
                            ["certificates"] = new JsonArray(new JsonObject { ["file"] = certificateFile }),
                        }),
                    }),
                };
                await File.WriteAllTextAsync(file, directory.ToJsonString(), TestContext.Current.CancellationToken);

                var refused = await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("directory", "import", file));

                Assert.Contains(certificateFile, refused.Message);
            }
            Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM participants WHERE mnemonic = 'FILE_CHECKED'"));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task the_thumbprint_keys_show_prints_for_a_pem_file_retires_that_certificate()
    {
        // A second key of PORTAL's, retired at the end: the directory ends as the file the gateway started from says.
        await new DirectoryAdmin(gateway, gateway.Admin()).AddCertificateAsync("PORTAL_SYSTEM", "PORTAL_SHOWN");
        var pem = Path.Combine(Path.GetTempPath(), $"exchange-shown-{Guid.NewGuid():N}.pem");
        try
        {
            await File.WriteAllTextAsync(pem, PemEncoding.WriteString("CERTIFICATE", gateway.Pki.Key("PORTAL_SHOWN").CertificateDer),
                TestContext.Current.CancellationToken);
            var shown = new StringWriter();
            KeysCommand.Run(new Arguments(["keys", "show", pem]), shown);
            var thumbprint = shown.ToString().Split('\n').Single(line => line.StartsWith("thumbprint:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

            var (exit, output) = await RunAsync("directory", "retire", "certificate", thumbprint);

            Assert.Equal(0, exit);
            Assert.Contains($"changed certificate {thumbprint}", output);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task a_refusal_of_the_gateway_is_reported_not_swallowed()
    {
        await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("directory", "retire", "participant", "NEVER_REGISTERED"));
    }
}
