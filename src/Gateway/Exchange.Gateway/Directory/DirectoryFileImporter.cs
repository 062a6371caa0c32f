using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Exchange.Gateway.Operations;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Directory;

/// <summary>Imports a <see cref="DirectoryFile"/> into the participant directory (adds and updates, never deletes).</summary>
public sealed class DirectoryFileImporter(ParticipantDirectory directory, ILogger<DirectoryFileImporter> logger)
{
    public async Task ImportAsync(string path, CancellationToken cancellationToken)
    {
        DirectoryFile file;
        await using (var stream = File.OpenRead(path))
        {
            file = await JsonSerializer.DeserializeAsync<DirectoryFile>(stream, JsonSerializerOptions.Web, cancellationToken)
                ?? throw new InvalidDataException($"Directory file {path} is empty.");
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var participants = new List<Participant>();
        var certificates = new List<ParticipantCertificate>();
        var types = new List<ProvidedType>();
        foreach (var entry in file.Participants)
        {
            if (string.IsNullOrWhiteSpace(entry.Mnemonic) || string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new InvalidDataException($"Directory file {path}: every participant needs a mnemonic and a name.");
            }
            participants.Add(new Participant(entry.Mnemonic, entry.Name));
            foreach (var certificatePath in entry.Certificates)
            {
                using var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(baseDirectory, certificatePath));
                certificates.Add(new ParticipantCertificate(CallerVerifier.Thumbprint(certificate.RawData), entry.Mnemonic,
                    certificate.Subject, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime()));
            }
            types.AddRange(entry.Provides.Select(t => new ProvidedType(t.NamespaceUri, t.RootElement, entry.Mnemonic)));
        }

        await directory.UpsertAsync(participants, certificates, types, cancellationToken);
        Log.DirectoryImported(logger, path, participants.Count, certificates.Count, types.Count);
    }
}
