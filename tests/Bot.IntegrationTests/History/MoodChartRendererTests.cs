using Bot.Adapters.Charts;
using Bot.Core.History;
using SkiaSharp;

namespace Bot.IntegrationTests.History;

public sealed class MoodChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(14)]
    [InlineData(30)]
    public void RenderPng_SampleHistory_IsAValidPngOfTheAdvertisedSize(int days)
    {
        var data = MoodHistory.Build(SampleHistory.Moods(), SampleHistory.Zone, SampleHistory.Today, days, $"Your inner weather, last {days} days");

        var png = new ScottPlotMoodChartRenderer().RenderPng(data);

        Assert.Equal(PngSignature, png.Take(8));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(ScottPlotMoodChartRenderer.Width, bitmap.Width);
        Assert.Equal(ScottPlotMoodChartRenderer.Height, bitmap.Height);
    }

    [Fact]
    public void RenderPng_DrawsTheMoods_InTheirColours()
    {
        var data = MoodHistory.Build(SampleHistory.Moods(), SampleHistory.Zone, SampleHistory.Today, 14, "t");
        var empty = data with { Points = [] };
        var renderer = new ScottPlotMoodChartRenderer();

        using var withMoods = SKBitmap.Decode(renderer.RenderPng(data));
        using var without = SKBitmap.Decode(renderer.RenderPng(empty));

        Assert.True(CountNear(withMoods, new SKColor(0xE8, 0xB4, 0x4F)) > 50, "the bright mood's dot is drawn");
        Assert.Equal(0, CountNear(without, new SKColor(0xE8, 0xB4, 0x4F)));
    }

    [Fact]
    public void RenderPng_WritesText_WithTheEmbeddedFont()
    {
        var data = MoodHistory.Build(SampleHistory.Moods(), SampleHistory.Zone, SampleHistory.Today, 14, "A title with words");
        var renderer = new ScottPlotMoodChartRenderer();

        using var titled = SKBitmap.Decode(renderer.RenderPng(data));
        using var untitled = SKBitmap.Decode(renderer.RenderPng(data with { Title = "" }));

        // The title band differs only if glyphs were really drawn (a font-less Skia draws nothing).
        var inkInTitleBand = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < titled.Width; x++)
            {
                inkInTitleBand += titled.GetPixel(x, y) != untitled.GetPixel(x, y) ? 1 : 0;
            }
        }

        Assert.True(inkInTitleBand > 200, $"title glyphs drawn ({inkInTitleBand} pixels differ)");
    }

    [Fact]
    public void RenderPng_SampleHistory_IsTheImageInTheDocs()
    {
        var data = MoodHistory.Build(SampleHistory.Moods(), SampleHistory.Zone, SampleHistory.Today, 14, HistoryCopy.English.Format(HistoryText.ChartTitle, ("days", "14")));
        var png = new ScottPlotMoodChartRenderer().RenderPng(data);
        var path = Path.Combine(RepositoryRoot(), "docs", "history-chart.png");

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, png);
        }

        Assert.True(File.Exists(path), "docs/history-chart.png exists (run the tests with UPDATE_DOCS=1 to write it)");
        using var committed = SKBitmap.Decode(File.ReadAllBytes(path));
        Assert.Equal(ScottPlotMoodChartRenderer.Width, committed.Width);
        Assert.Equal(ScottPlotMoodChartRenderer.Height, committed.Height);
    }

    private static int CountNear(SKBitmap bitmap, SKColor target)
    {
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (Math.Abs(pixel.Red - target.Red) < 8 && Math.Abs(pixel.Green - target.Green) < 8 && Math.Abs(pixel.Blue - target.Blue) < 8)
            {
                count++;
            }
        }

        return count;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CompassionBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
