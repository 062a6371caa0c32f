namespace Exchange.Gateway.ConsoleSite.Charts;

/// <summary>One bar of a bar chart: its height is <paramref name="Value"/>, <paramref name="Shown"/> is written above it.</summary>
public sealed record ChartBar(string Label, double Value, string Shown);
