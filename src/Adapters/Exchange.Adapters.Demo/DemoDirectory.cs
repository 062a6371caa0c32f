using System.Text.Json;

namespace Exchange.Adapters.Demo;

/// <summary>Writes the directory file the gateway imports: the demo participants with their certificate files.</summary>
public static class DemoDirectory
{
    public static string Write(string keysFolder)
    {
        var participants = DemoParticipants.All.Select(participant =>
        {
            var certificate = $"{participant.Mnemonic}.cer";
            if (!File.Exists(Path.Combine(keysFolder, certificate)))
            {
                throw new FileNotFoundException($"No certificate for {participant.Mnemonic} in {keysFolder}; create it with 'exchange keys issue'.");
            }
            return new
            {
                mnemonic = participant.Mnemonic,
                name = participant.Name,
                certificates = new[] { certificate },
                provides = participant.Provides.Select(t => new { namespaceUri = t.NamespaceUri, rootElement = t.RootElement }),
            };
        });
        var path = Path.Combine(keysFolder, "directory.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { participants }, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
