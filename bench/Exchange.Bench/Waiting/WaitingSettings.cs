using Exchange.Signing.Algorithms;

namespace Exchange.Bench.Waiting;

/// <summary>What <c>scripts/bench.sh waiting</c> does, from the command line.</summary>
/// <param name="Messages">Messages each of the two runs (polling, waiting) sends, at <see cref="Rate"/> a second.</param>
/// <param name="Receivers">Receivers of the one receiving participant, as several instances of its adapter would be.</param>
/// <param name="PollInterval">The pause of a polling receiver after an empty GetRequest.</param>
/// <param name="Wait">The wait a waiting receiver asks for (the gateway cuts it to its Exchange:Delivery:MaxWait).</param>
public sealed record WaitingSettings(int Messages, int Rate, int Receivers, TimeSpan PollInterval, TimeSpan Wait, int Warmup,
    KeyAlgorithm Algorithm)
{
    public const string Usage =
        "usage: scripts/bench.sh waiting [--messages N] [--rate PER_SECOND] [--receivers R] [--poll-ms MS] [--wait-seconds S] [--warmup N]";

    public static readonly WaitingSettings Default =
        new(200, 20, 8, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(25), 20, KeyAlgorithm.Gost2012_256);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static WaitingSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--messages" => settings with { Messages = BenchSettings.Positive(args[i], value) },
                "--rate" => settings with { Rate = BenchSettings.Positive(args[i], value) },
                "--receivers" => settings with { Receivers = BenchSettings.Positive(args[i], value) },
                "--poll-ms" => settings with { PollInterval = TimeSpan.FromMilliseconds(BenchSettings.Positive(args[i], value)) },
                "--wait-seconds" => settings with { Wait = TimeSpan.FromSeconds(BenchSettings.Positive(args[i], value)) },
                "--warmup" => settings with { Warmup = BenchSettings.Number(args[i], value, minimum: 0) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return settings;
    }
}
