using System.Globalization;
using Bot.Core.History;
using ScottPlot;

namespace Bot.Adapters.Charts;

/// <summary>
/// Draws the mood chart with ScottPlot. Each mood someone named is a soft dot on its day; consecutive days are joined
/// by a faint line. A day with nothing is left blank: no marks for absence, no counters, no streaks.
/// </summary>
public sealed class ScottPlotMoodChartRenderer : IMoodChartRenderer
{
    public const int Width = 800;
    public const int Height = 450;

    private static readonly Color Background = Color.FromHex("#FBF8F3");
    private static readonly Color Ink = Color.FromHex("#4A4A48");
    private static readonly Color Grid = Color.FromHex("#E8E2D8");
    private static readonly Color Path = Color.FromHex("#B9C4B5");
    private static readonly Color[] LevelColors =
    [
        Color.FromHex("#7C8DB0"), // heavy: dusk blue
        Color.FromHex("#A398BF"), // tired: lavender
        Color.FromHex("#8FB39A"), // okay: sage
        Color.FromHex("#5FA8A0"), // steady: teal
        Color.FromHex("#E8B44F"), // bright: warm sun
    ];

    public byte[] RenderPng(MoodChartData data)
    {
        EmbeddedFontResolver.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(EmbeddedFontResolver.FontName);
        plot.FigureBackground.Color = Background;
        plot.DataBackground.Color = Background;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Grid;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Title(data.Title, size: 20);
        plot.Axes.Title.Label.ForeColor = Ink;

        DrawPath(plot, data);
        DrawMoods(plot, data);

        plot.Axes.Left.SetTicks(
            Enumerable.Range(1, MoodScale.Moods.Count).Select(i => (double)i).ToArray(),
            MoodScale.Moods.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        var (positions, labels) = DayTicks(data);
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.SetLimits(-0.7, data.Days - 0.3, 0.5, MoodScale.Moods.Count + 0.5);

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The line runs through the moods in time order while days follow each other; a blank day ends it.</summary>
    private static void DrawPath(Plot plot, MoodChartData data)
    {
        var run = new List<(double X, double Y)>();
        MoodPoint? previous = null;
        foreach (var point in data.Points.OrderBy(p => p.Day).ThenBy(p => p.Time))
        {
            if (previous is not null && point.Day.DayNumber - previous.Day.DayNumber > 1)
            {
                AddPath(plot, run);
                run.Clear();
            }

            run.Add((X(data, point), point.Level));
            previous = point;
        }

        AddPath(plot, run);
    }

    private static void AddPath(Plot plot, List<(double X, double Y)> run)
    {
        if (run.Count < 2)
        {
            return;
        }

        var line = plot.Add.Scatter(run.Select(r => r.X).ToArray(), run.Select(r => r.Y).ToArray(), Path);
        line.LineWidth = 3;
        line.MarkerSize = 0;
    }

    /// <summary>Several moods on one day sit side by side, morning to the left.</summary>
    private static double X(MoodChartData data, MoodPoint point) =>
        point.Day.DayNumber - data.FirstDay.DayNumber + (point.Time.ToTimeSpan().TotalHours / 24 - 0.5) * 0.5;

    private static void DrawMoods(Plot plot, MoodChartData data)
    {
        foreach (var point in data.Points)
        {
            var color = LevelColors[point.Level - 1];
            var marker = plot.Add.Marker(X(data, point), point.Level, MarkerShape.FilledCircle, 16, color);
            marker.MarkerLineColor = Background;
            marker.MarkerLineWidth = 2;
        }
    }

    /// <summary>A label every day for two weeks, every few days for a month; always the last day, which is today.</summary>
    private static (double[] Positions, string[] Labels) DayTicks(MoodChartData data)
    {
        var step = data.Days <= 14 ? 1 : 3;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = data.Days - 1; i >= 0; i -= step)
        {
            var day = data.FirstDay.AddDays(i);
            positions.Insert(0, i);
            labels.Insert(0, data.Days <= 14
                ? day.ToString("ddd\nd", CultureInfo.InvariantCulture)
                : day.ToString("d MMM", CultureInfo.InvariantCulture));
        }

        return (positions.ToArray(), labels.ToArray());
    }
}
