using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Directory;
using Exchange.Protocol.Messages;

namespace Exchange.Bench;

/// <summary>
/// The files the gateway starts from, in a temporary folder deleted on dispose: the directory (anyone may send
/// <see cref="RequestType"/> to its provider RECEIVER) with the participants' certificates, the gateway's own key, and the
/// CA certificate and CRL it trusts.
/// </summary>
public sealed class BenchDirectory : IDisposable
{
    public const string Sender = "SENDER";
    public const string Receiver = "RECEIVER";
    public const string KeyPassword = "bench";
    public static readonly MessageType RequestType = new("urn://exchange.bench/request/1.0", "BenchRequest");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exchange-bench", Guid.NewGuid().ToString("N"));

    public BenchDirectory(BenchPki pki)
    {
        System.IO.Directory.CreateDirectory(_folder);
        CaFile = Write("ca.cer", pki.Authority.CertificateDer);
        CrlFile = Write("ca.crl", pki.Crl);
        GatewayKeyFile = Write("gateway.p12", pki.Gateway.ExportPkcs12(KeyPassword));
        var file = new DirectoryDocument
        {
            Participants =
            [
                Entry(Sender, "Bench sender", pki.Sender.CertificateDer),
                Entry(Receiver, "Bench receiver", pki.Receiver.CertificateDer),
            ],
            Types = [new() { NamespaceUri = RequestType.NamespaceUri, RootElement = RequestType.RootElement, Name = "Bench request", Kind = MessageTypeKind.Request }],
            Providers = [new() { NamespaceUri = RequestType.NamespaceUri, RootElement = RequestType.RootElement, Provider = Receiver }],
            Permissions = [new() { NamespaceUri = RequestType.NamespaceUri, RootElement = RequestType.RootElement, Recipients = PermittedRecipients.Provider }],
        };
        FilePath = Write("directory.json", JsonSerializer.SerializeToUtf8Bytes(file, DirectoryNames.Json));
    }

    public string FilePath { get; }

    public string CaFile { get; }

    public string CrlFile { get; }

    /// <summary>PKCS#12, protected with <see cref="KeyPassword"/>.</summary>
    public string GatewayKeyFile { get; }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private DirectoryDocument.ParticipantEntry Entry(string mnemonic, string name, byte[] certificateDer) => new()
    {
        Mnemonic = mnemonic,
        Name = name,
        Level = ParticipantLevel.RegionalBody,
        Systems = [new() { Mnemonic = $"{mnemonic}_SYSTEM", Name = $"{name}'s system", Certificates = [new() { File = Path.GetFileName(Write($"{mnemonic}.cer", certificateDer)) }] }],
    };

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
