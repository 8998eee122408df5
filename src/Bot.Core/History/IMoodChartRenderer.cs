namespace Bot.Core.History;

/// <summary>Draws the mood chart as a PNG image.</summary>
public interface IMoodChartRenderer
{
    byte[] RenderPng(MoodChartData data);
}
