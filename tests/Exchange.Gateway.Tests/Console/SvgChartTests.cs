using System.Xml.Linq;
using Exchange.Gateway.ConsoleSite.Charts;

namespace Exchange.Gateway.Tests.Console;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartFrame Frame = new("test-chart", "Title <with> \"markup\" & more", "Says <b>what</b> it shows",
        "Time (Europe/Moscow)", "Messages & more");

    [Fact]
    public void a_line_chart_is_well_formed_svg_with_a_line_per_series_and_a_point_per_value()
    {
        var chart = XElement.Parse(SvgChart.Lines(Frame,
            [
                new ChartSeries("accepted", "accepted", "#1f5fa8", [0, 3, 1, 0, 5]),
                new ChartSeries("failed", "<failed>", "#b3261e", [0, 0, 1, 0, 0]),
            ],
            [new ChartTick(0, "09:00"), new ChartTick(4, "12:00")]));

        Assert.Equal(Svg + "svg", chart.Name);
        Assert.Equal("10", (string?)chart.Attribute("data-total"));
        var lines = chart.Elements(Svg + "polyline").ToList();
        Assert.Equal(["accepted", "failed"], lines.Select(l => (string?)l.Attribute("data-series")));
        Assert.Equal(["9", "1"], lines.Select(l => (string?)l.Attribute("data-total")));
        Assert.All(lines, l => Assert.Equal(5, ((string)l.Attribute("points")!).Split(' ').Length));
        Assert.Contains(chart.Elements(Svg + "text"), t => t.Value == "<failed>");
        Assert.Contains(chart.Elements(Svg + "text"), t => t.Value == "12:00");
    }

    [Fact]
    public void a_bar_chart_has_a_bar_per_item_with_its_value_and_label()
    {
        var chart = XElement.Parse(SvgChart.Bars(Frame,
            [new ChartBar("SMEV-100", 4, "4"), new ChartBar("<x & y>", 1, "1"), new ChartBar("none", 0, "0")]));

        var bars = chart.Elements(Svg + "rect").ToList();
        Assert.Equal(["SMEV-100", "<x & y>", "none"], bars.Select(b => (string?)b.Attribute("data-label")));
        Assert.Equal(["4", "1", "0"], bars.Select(b => (string?)b.Attribute("data-value")));
        Assert.Equal("5", (string?)chart.Attribute("data-total"));
        Assert.True((double)bars[0].Attribute("height")! > (double)bars[1].Attribute("height")!);
        Assert.Equal(0, (double)bars[2].Attribute("height")!);
    }

    [Fact]
    public void the_title_and_description_name_the_chart_for_assistive_technology_with_their_text_escaped()
    {
        var text = SvgChart.Bars(Frame, []);
        var chart = XElement.Parse(text);

        Assert.Equal("img", (string?)chart.Attribute("role"));
        Assert.Equal("test-chart-title test-chart-desc", (string?)chart.Attribute("aria-labelledby"));
        Assert.Equal(Frame.Title, chart.Element(Svg + "title")!.Value);
        Assert.Equal(Frame.Description, chart.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain("<b>", text);
        Assert.DoesNotContain("style", text);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(17, 20)]
    [InlineData(200, 200)]
    [InlineData(201, 500)]
    [InlineData(5001, 10000)]
    public void the_value_axis_ends_at_a_round_number_at_or_above_the_largest_value(double largest, double end)
    {
        var chart = XElement.Parse(SvgChart.Bars(Frame, [new ChartBar("a", largest, "")]));

        Assert.Contains(chart.Elements(Svg + "text"), t => t.Value == end.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
