namespace Exchange.Gateway.ConsoleSite.Charts;

/// <summary>One line of a line chart: a value per point of the x axis, in <paramref name="Color"/> (an SVG colour).</summary>
public sealed record ChartSeries(string Name, string Label, string Color, IReadOnlyList<long> Values);
