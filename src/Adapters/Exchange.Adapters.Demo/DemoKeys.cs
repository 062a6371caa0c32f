using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Exchange.Adapters.Demo;

/// <summary>
/// Creates each demo participant's key pair and certificate (PKCS#12 for the participant, DER for the gateway)
/// and the directory file the gateway imports. RSA until the signing library brings GOST keys (issue 4).
/// </summary>
public static class DemoKeys
{
    public const string Password = "demo";

    public static string Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var entries = new List<object>();
        foreach (var participant in DemoParticipants.All)
        {
            var pfx = Path.Combine(folder, $"{participant.Mnemonic}.pfx");
            var cer = Path.Combine(folder, $"{participant.Mnemonic}.cer");
            if (!File.Exists(pfx) || !File.Exists(cer))
            {
                using var key = RSA.Create(2048);
                var request = new CertificateRequest($"CN={participant.Mnemonic}, O={participant.Name}, C=RU", key,
                    HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
                File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, Password));
                File.WriteAllBytes(cer, certificate.Export(X509ContentType.Cert));
            }
            entries.Add(new
            {
                mnemonic = participant.Mnemonic,
                name = participant.Name,
                certificates = new[] { Path.GetFileName(cer) },
                provides = participant.Provides.Select(t => new { namespaceUri = t.NamespaceUri, rootElement = t.RootElement }),
            });
        }
        var directoryFile = Path.Combine(folder, "directory.json");
        File.WriteAllText(directoryFile, JsonSerializer.Serialize(new { participants = entries }, new JsonSerializerOptions { WriteIndented = true }));
        return directoryFile;
    }

    public static X509Certificate2 Load(string folder, string mnemonic) =>
        X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, $"{mnemonic}.pfx"), Password);
}
