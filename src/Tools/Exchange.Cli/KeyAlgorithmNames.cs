using Exchange.Signing.Algorithms;

namespace Exchange.Cli;

/// <summary>The algorithm names the CLI accepts and prints.</summary>
internal static class KeyAlgorithmNames
{
    private static readonly Dictionary<string, KeyAlgorithm> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gost2012-256"] = KeyAlgorithm.Gost2012_256,
        ["gost2012-512"] = KeyAlgorithm.Gost2012_512,
        ["rsa"] = KeyAlgorithm.Rsa,
        ["ecdsa"] = KeyAlgorithm.EcdsaP256,
    };

    public static KeyAlgorithm Parse(string? name) => name is null
        ? KeyAlgorithm.Gost2012_256
        : ByName.TryGetValue(name, out var algorithm)
            ? algorithm
            : throw new UsageException($"Unknown algorithm '{name}'; use one of {string.Join(", ", ByName.Keys)}.");

    public static string Name(KeyAlgorithm algorithm) =>
        ByName.FirstOrDefault(pair => pair.Value == algorithm).Key ?? algorithm.ToString();
}
