using System.Globalization;
using Exchange.Signing.Algorithms;

namespace Exchange.Bench;

/// <summary>What one bench run does, from the command line.</summary>
/// <param name="Warmup">Messages sent and acknowledged before the measured run, so it does not time the JIT and cold pools.</param>
/// <param name="Algorithm">The key algorithm of the CA, the participants and the gateway.</param>
public sealed record BenchSettings(int Messages, int Senders, int Receivers, int PayloadBytes, int Warmup, TimeSpan Timeout, KeyAlgorithm Algorithm)
{
    public const string Usage =
        "usage: scripts/bench.sh [--messages N] [--senders M] [--receivers R] [--payload BYTES] [--warmup N] [--timeout-seconds S] [--algorithm gost2012-256|gost2012-512|rsa|ecdsa]";

    public static readonly BenchSettings Default = new(2000, 8, 4, 2048, 100, TimeSpan.FromMinutes(10), KeyAlgorithm.Gost2012_256);

    private static readonly Dictionary<string, KeyAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gost2012-256"] = KeyAlgorithm.Gost2012_256,
        ["gost2012-512"] = KeyAlgorithm.Gost2012_512,
        ["rsa"] = KeyAlgorithm.Rsa,
        ["ecdsa"] = KeyAlgorithm.EcdsaP256,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--messages" => settings with { Messages = Positive(args[i], value) },
                "--senders" => settings with { Senders = Positive(args[i], value) },
                "--receivers" => settings with { Receivers = Positive(args[i], value) },
                "--payload" => settings with { PayloadBytes = Positive(args[i], value) },
                "--warmup" => settings with { Warmup = Number(args[i], value, minimum: 0) },
                "--timeout-seconds" => settings with { Timeout = TimeSpan.FromSeconds(Positive(args[i], value)) },
                "--algorithm" => settings with
                {
                    Algorithm = Algorithms.TryGetValue(value, out var algorithm)
                        ? algorithm
                        : throw new ArgumentException($"--algorithm takes one of {string.Join(", ", Algorithms.Keys)}, not '{value}'."),
                },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return settings;
    }

    internal static int Positive(string option, string value) => Number(option, value, minimum: 1);

    internal static int Number(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException($"{option} takes a whole number from {minimum}, not '{value}'.");
}
