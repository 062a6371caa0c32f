namespace Exchange.Gateway.Directory;

/// <summary>
/// The directory as a file (JSON) that is reviewed like code and imported at start-up:
/// participants, the certificates of their systems and the message types they provide.
/// </summary>
public sealed class DirectoryFile
{
    public List<ParticipantEntry> Participants { get; set; } = [];

    public sealed class ParticipantEntry
    {
        public string Mnemonic { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>Certificate files (DER or PEM), relative to the directory file.</summary>
        public List<string> Certificates { get; set; } = [];

        public List<TypeEntry> Provides { get; set; } = [];
    }

    public sealed class TypeEntry
    {
        public string NamespaceUri { get; set; } = "";
        public string RootElement { get; set; } = "";
    }
}
