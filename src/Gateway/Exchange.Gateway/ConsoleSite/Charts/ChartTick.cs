namespace Exchange.Gateway.ConsoleSite.Charts;

/// <summary>A labelled mark on a line chart's x axis, at point <paramref name="Index"/> of its series.</summary>
public sealed record ChartTick(int Index, string Label);
