using ScottPlot;
using SkiaSharp;

namespace Bot.Adapters.Charts;

/// <summary>Resolves one font name to the font embedded in this assembly, whatever fonts the machine has (or lacks).</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FontName = "CompassionBot Sans";
    private const string Resource = "Bot.Adapters.Charts.DejaVuSans.ttf";
    private static readonly Lock Gate = new();
    private static bool _registered;
    private readonly SKTypeface _typeface;

    private EmbeddedFontResolver()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The chart font {Resource} is missing from the assembly.");
        _typeface = SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The chart font could not be loaded.");
    }

    /// <summary>ScottPlot's resolvers are process-wide; ours goes first, once.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
                _registered = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Match(fontName);

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => Match(fontName);

    private SKTypeface? Match(string fontName) =>
        string.Equals(fontName, FontName, StringComparison.Ordinal) ? _typeface : null;
}
