using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;
using Exchange.Signing.Keys;

namespace Exchange.Gateway.Directory;

/// <summary>
/// The whole directory as one JSON file that is reviewed like code: what the admin API exports and imports and
/// what the gateway can import at start (<c>Exchange:Gateway:DirectoryFile</c>). Certificates are inline PEM or,
/// in hand-written files, a <c>file</c> path relative to the document.
/// </summary>
public sealed class DirectoryDocument
{
    public List<ParticipantEntry> Participants { get; set; } = [];
    public List<TypeEntry> Types { get; set; } = [];
    public List<ProviderEntry> Providers { get; set; } = [];
    public List<PermissionEntry> Permissions { get; set; } = [];

    public sealed class ParticipantEntry
    {
        public string Mnemonic { get; set; } = "";
        public string Name { get; set; } = "";
        public ParticipantLevel Level { get; set; }
        public string? Parent { get; set; }
        public DateTimeOffset? RetiredAt { get; set; }
        public List<SystemEntry> Systems { get; set; } = [];
    }

    public sealed class SystemEntry
    {
        public string Mnemonic { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTimeOffset? RetiredAt { get; set; }
        public List<CertificateEntry> Certificates { get; set; } = [];
    }

    /// <summary>The certificate is <see cref="Pem"/> or <see cref="File"/>; the other fields are for the reader (and checked when given).</summary>
    public sealed class CertificateEntry
    {
        public string? Thumbprint { get; set; }
        public string? Subject { get; set; }
        public DateTimeOffset? NotBefore { get; set; }
        public DateTimeOffset? NotAfter { get; set; }
        public DateTimeOffset? RetiredAt { get; set; }
        public string? File { get; set; }
        public string? Pem { get; set; }
    }

    public sealed class TypeEntry
    {
        public string NamespaceUri { get; set; } = "";
        public string RootElement { get; set; } = "";
        public string Name { get; set; } = "";
        public MessageTypeKind Kind { get; set; }
        public ParticipantLevel? BroadcastLevel { get; set; }
        public int? AnswerDays { get; set; }
        public DayKind? AnswerDayKind { get; set; }
        public DateTimeOffset? RetiredAt { get; set; }
    }

    public sealed class ProviderEntry
    {
        public string NamespaceUri { get; set; } = "";
        public string RootElement { get; set; } = "";
        public string? Territory { get; set; }
        public string Provider { get; set; } = "";
    }

    public sealed class PermissionEntry
    {
        public string? Sender { get; set; }
        public string NamespaceUri { get; set; } = "";
        public string RootElement { get; set; } = "";
        public PermittedRecipients Recipients { get; set; }
        public string? Recipient { get; set; }
    }

    public static DirectoryDocument From(DirectoryContent content) => new()
    {
        Participants = content.Participants.Select(p => new ParticipantEntry
        {
            Mnemonic = p.Mnemonic, Name = p.Name, Level = p.Level, Parent = p.Parent, RetiredAt = p.RetiredAt,
            Systems = content.Systems.Where(s => s.Participant == p.Mnemonic).Select(s => new SystemEntry
            {
                Mnemonic = s.Mnemonic, Name = s.Name, RetiredAt = s.RetiredAt,
                Certificates = content.Certificates.Where(c => c.System == s.Mnemonic).Select(c => new CertificateEntry
                {
                    Thumbprint = c.Thumbprint, Subject = c.Subject, NotBefore = c.NotBefore, NotAfter = c.NotAfter, RetiredAt = c.RetiredAt,
                    Pem = new string(PemEncoding.Write("CERTIFICATE", c.Der)),
                }).ToList(),
            }).ToList(),
        }).ToList(),
        Types = content.Types.Select(t => new TypeEntry
        {
            NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Name = t.Name, Kind = t.Kind, BroadcastLevel = t.BroadcastLevel,
            AnswerDays = t.AnswerDeadline?.Days, AnswerDayKind = t.AnswerDeadline?.DayKind, RetiredAt = t.RetiredAt,
        }).ToList(),
        Providers = content.Providers.Select(p => new ProviderEntry
        {
            NamespaceUri = p.NamespaceUri, RootElement = p.RootElement, Territory = p.Territory, Provider = p.Provider,
        }).ToList(),
        Permissions = content.Permissions.Select(p => new PermissionEntry
        {
            Sender = p.Sender, NamespaceUri = p.NamespaceUri, RootElement = p.RootElement, Recipients = p.Recipients, Recipient = p.Recipient,
        }).ToList(),
    };

    /// <param name="baseDirectory">Where <c>file</c> references of certificates are resolved; null when none are allowed.</param>
    /// <exception cref="InvalidDataException">A certificate cannot be read or does not match what the entry says of it.</exception>
    public DirectoryContent ToContent(string? baseDirectory)
    {
        var systems = new List<InformationSystem>();
        var certificates = new List<SystemCertificate>();
        // A list written as null in the JSON is an empty one, not a crash.
        foreach (var participant in Participants ?? [])
        {
            foreach (var system in participant.Systems ?? [])
            {
                systems.Add(new InformationSystem(system.Mnemonic, participant.Mnemonic, system.Name, system.RetiredAt));
                certificates.AddRange((system.Certificates ?? []).Select(c => ReadCertificate(c, system.Mnemonic, baseDirectory)));
            }
        }
        return new DirectoryContent(
            (Participants ?? []).Select(p => new Participant(p.Mnemonic, p.Name, p.Level, p.Parent, p.RetiredAt)).ToList(),
            systems,
            certificates,
            (Types ?? []).Select(t => new DirectoryMessageType(t.NamespaceUri, t.RootElement, t.Name, t.Kind, t.BroadcastLevel,
                t.AnswerDays is { } days ? new AnswerDeadline(days, t.AnswerDayKind ?? DayKind.Calendar) : null, t.RetiredAt)).ToList(),
            (Providers ?? []).Select(p => new TypeProvider(p.NamespaceUri, p.RootElement, p.Territory, p.Provider)).ToList(),
            (Permissions ?? []).Select(p => new Permission(p.Sender, p.NamespaceUri, p.RootElement, p.Recipients, p.Recipient)).ToList());
    }

    /// <summary>
    /// A directory certificate from DER or PEM bytes. An active one must carry a key the gateway can verify signatures
    /// with, decided by the verifier's own reading of it (<see cref="VerificationKey"/>): a certificate registered but
    /// unusable would pass registration and then fail every call its system makes. A retired one is kept as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a certificate, or an unusable key; the message names the certificate and says why.</exception>
    public static SystemCertificate Certificate(byte[] derOrPem, string system, DateTimeOffset? retiredAt = null)
    {
        X509Certificate2 loaded;
        try
        {
            loaded = X509CertificateLoader.LoadCertificate(derOrPem);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"A certificate of {system} is not an X.509 certificate: {e.Message}", e);
        }
        using var certificate = loaded;
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        if (retiredAt is null)
        {
            try
            {
                VerificationKey.FromCertificate(certificate.RawData);
            }
            catch (CryptographicException e)
            {
                throw new InvalidDataException(
                    $"Certificate {thumbprint} ({certificate.Subject}) of {system} has a key the gateway cannot verify signatures with: {e.Message}", e);
            }
        }
        return new SystemCertificate(thumbprint, system, certificate.Subject,
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), certificate.RawData, retiredAt);
    }

    private static SystemCertificate ReadCertificate(CertificateEntry entry, string system, string? baseDirectory)
    {
        byte[] bytes;
        if (entry.Pem is { Length: > 0 } pem)
        {
            bytes = Encoding.ASCII.GetBytes(pem);
        }
        else if (entry.File is { Length: > 0 } file && baseDirectory is not null)
        {
            bytes = System.IO.File.ReadAllBytes(Path.Combine(baseDirectory, file));
        }
        else
        {
            throw new InvalidDataException($"A certificate of {system} has neither 'pem' nor a readable 'file'.");
        }

        var certificate = Certificate(bytes, system, entry.RetiredAt);
        if (entry.Thumbprint is { Length: > 0 } stated && !string.Equals(stated, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"A certificate of {system} has thumbprint {certificate.Thumbprint}, not {stated} as its entry says.");
        }
        return certificate;
    }
}
