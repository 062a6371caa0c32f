namespace Exchange.Bench.Search;

/// <summary>What <c>scripts/bench.sh search</c> does, from the command line.</summary>
/// <param name="Messages">How many messages the fill generates.</param>
/// <param name="Runs">How many times each search is timed (after <see cref="Warmup"/> untimed runs).</param>
public sealed record SearchSettings(int Messages, int Runs, int Warmup)
{
    public const string Usage = "usage: scripts/bench.sh search [--messages N] [--runs N] [--warmup N]";

    public static readonly SearchSettings Default = new(1_000_000, 200, 20);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static SearchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--messages" => settings with { Messages = BenchSettings.Positive(args[i], value) },
                "--runs" => settings with { Runs = BenchSettings.Positive(args[i], value) },
                "--warmup" => settings with { Warmup = BenchSettings.Number(args[i], value, minimum: 0) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return settings;
    }
}
