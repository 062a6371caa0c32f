namespace Exchange.Gateway.ConsoleSite.Charts;

/// <summary>
/// What every chart carries besides its data: an id (its title and description are <c>{Id}-title</c>,
/// <c>{Id}-desc</c>), the title, a text saying what it shows for those who cannot see it, and the axes' names.
/// </summary>
public sealed record ChartFrame(string Id, string Title, string Description, string XAxis, string YAxis);
