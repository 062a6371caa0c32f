using System.Globalization;
using System.Text;
using System.Xml;

namespace Exchange.Gateway.ConsoleSite.Charts;

/// <summary>
/// Line and bar charts drawn on the server as inline SVG: no script, no style attribute (the console's CSP allows
/// neither), colours as presentation attributes. Written with an XmlWriter, so every label is escaped and the result is
/// well-formed. Each chart is an <c>img</c> named by its title and description; its values are in <c>data-*</c>
/// attributes, which tests and the page's tables can check against.
/// </summary>
public static class SvgChart
{
    private const string Svg = "http://www.w3.org/2000/svg";
    private const double Width = 720, Height = 280, Left = 64, Right = 16, Top = 28, Bottom = 48;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>A line per series over the same x axis (one point per value), with a legend.</summary>
    public static string Lines(ChartFrame frame, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartTick> ticks)
    {
        var points = series.Count == 0 ? 0 : series.Max(s => s.Values.Count);
        var top = NiceCeiling(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        return Draw(frame, series.Sum(s => s.Values.Sum()), top, writer =>
        {
            double X(int index) => Left + (points <= 1 ? 0 : PlotWidth * index / (points - 1));
            foreach (var tick in ticks)
            {
                Text(writer, X(tick.Index), Height - Bottom + 16, tick.Label, "middle");
                Line(writer, X(tick.Index), Height - Bottom, X(tick.Index), Height - Bottom + 4);
            }
            for (var i = 0; i < series.Count; i++)
            {
                var line = series[i];
                writer.WriteStartElement("polyline", Svg);
                writer.WriteAttributeString("fill", "none");
                writer.WriteAttributeString("stroke", line.Color);
                writer.WriteAttributeString("stroke-width", "1.5");
                writer.WriteAttributeString("points", string.Join(' ', line.Values.Select((v, index) => $"{N(X(index))},{N(Y(v, top))}")));
                writer.WriteAttributeString("data-series", line.Name);
                writer.WriteAttributeString("data-points", N(line.Values.Count));
                writer.WriteAttributeString("data-total", N(line.Values.Sum()));
                writer.WriteEndElement();
                var legendX = Left + 8 + 150 * i;
                Rect(writer, legendX, 8, 12, 12, line.Color);
                Text(writer, legendX + 16, 18, line.Label, "start");
            }
        });
    }

    /// <summary>A bar per item, labelled under it, its shown value above it.</summary>
    public static string Bars(ChartFrame frame, IReadOnlyList<ChartBar> bars)
    {
        var top = NiceCeiling(bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        return Draw(frame, bars.Sum(b => b.Value), top, writer =>
        {
            var slot = bars.Count == 0 ? PlotWidth : PlotWidth / bars.Count;
            var width = Math.Min(slot * 0.7, 64);
            for (var i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                var x = Left + slot * i + (slot - width) / 2;
                var y = Y(bar.Value, top);
                writer.WriteStartElement("rect", Svg);
                WriteBox(writer, x, y, width, Height - Bottom - y);
                writer.WriteAttributeString("fill", "#1f5fa8");
                writer.WriteAttributeString("data-label", bar.Label);
                writer.WriteAttributeString("data-value", N(bar.Value));
                writer.WriteEndElement();
                Text(writer, x + width / 2, y - 4, bar.Shown, "middle");
                Text(writer, x + width / 2, Height - Bottom + 16, bar.Label, "middle");
            }
        });
    }

    private static string Draw(ChartFrame frame, double total, double top, Action<XmlWriter> plot)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
        {
            writer.WriteStartElement("svg", Svg);
            writer.WriteAttributeString("id", frame.Id);
            writer.WriteAttributeString("viewBox", $"0 0 {N(Width)} {N(Height)}");
            writer.WriteAttributeString("role", "img");
            writer.WriteAttributeString("aria-labelledby", $"{frame.Id}-title {frame.Id}-desc");
            writer.WriteAttributeString("font-size", "13");
            writer.WriteAttributeString("font-family", "sans-serif");
            writer.WriteAttributeString("data-total", N(total));
            Element(writer, "title", $"{frame.Id}-title", frame.Title);
            Element(writer, "desc", $"{frame.Id}-desc", frame.Description);

            for (var step = 0; step <= 4; step++)
            {
                var value = top * step / 4;
                var y = Y(value, top);
                Line(writer, Left, y, Width - Right, y, step == 0 ? "#5b6773" : "#d5dbe1");
                Text(writer, Left - 6, y + 4, value.ToString("0.##", CultureInfo.InvariantCulture), "end");
            }
            Line(writer, Left, Top, Left, Height - Bottom, "#5b6773");
            Text(writer, Left + PlotWidth / 2, Height - 8, frame.XAxis, "middle");
            writer.WriteStartElement("text", Svg);
            writer.WriteAttributeString("transform", $"translate(14 {N(Top + PlotHeight / 2)}) rotate(-90)");
            writer.WriteAttributeString("text-anchor", "middle");
            writer.WriteString(frame.YAxis);
            writer.WriteEndElement();

            plot(writer);
            writer.WriteEndElement();
        }
        return text.ToString();
    }

    private static double Y(double value, double top) => Top + PlotHeight - (top <= 0 ? 0 : PlotHeight * value / top);

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/> (1 for nothing), so axis steps read well.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 1)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void Element(XmlWriter writer, string name, string id, string content)
    {
        writer.WriteStartElement(name, Svg);
        writer.WriteAttributeString("id", id);
        writer.WriteString(content);
        writer.WriteEndElement();
    }

    private static void Text(XmlWriter writer, double x, double y, string content, string anchor)
    {
        writer.WriteStartElement("text", Svg);
        writer.WriteAttributeString("x", N(x));
        writer.WriteAttributeString("y", N(y));
        writer.WriteAttributeString("text-anchor", anchor);
        writer.WriteAttributeString("fill", "#1d2630");
        writer.WriteString(content);
        writer.WriteEndElement();
    }

    private static void Line(XmlWriter writer, double x1, double y1, double x2, double y2, string color = "#5b6773")
    {
        writer.WriteStartElement("line", Svg);
        writer.WriteAttributeString("x1", N(x1));
        writer.WriteAttributeString("y1", N(y1));
        writer.WriteAttributeString("x2", N(x2));
        writer.WriteAttributeString("y2", N(y2));
        writer.WriteAttributeString("stroke", color);
        writer.WriteEndElement();
    }

    private static void Rect(XmlWriter writer, double x, double y, double width, double height, string color)
    {
        writer.WriteStartElement("rect", Svg);
        WriteBox(writer, x, y, width, height);
        writer.WriteAttributeString("fill", color);
        writer.WriteEndElement();
    }

    private static void WriteBox(XmlWriter writer, double x, double y, double width, double height)
    {
        writer.WriteAttributeString("x", N(x));
        writer.WriteAttributeString("y", N(y));
        writer.WriteAttributeString("width", N(width));
        writer.WriteAttributeString("height", N(height));
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
