using System.Reflection;

namespace Bot.Adapters.Discord;

/// <summary>
/// Discord.Net hands file uploads to an <c>IRestClient</c> as its internal <c>MultipartFile</c> struct (Stream, Filename,
/// ContentType), which a client of our own cannot name; its properties are read here by reflection so exports can be sent.
/// </summary>
internal static class MultipartFileReader
{
    private const string TypeName = "Discord.Net.Rest.MultipartFile";
    private static readonly Type? FileType = typeof(global::Discord.Rest.DiscordRestClient).Assembly.GetType(TypeName);
    private static readonly PropertyInfo? StreamProperty = FileType?.GetProperty("Stream");
    private static readonly PropertyInfo? NameProperty = FileType?.GetProperty("Filename");
    private static readonly PropertyInfo? TypeProperty = FileType?.GetProperty("ContentType");

    public static bool TryRead(object value, out Stream stream, out string? fileName, out string? contentType)
    {
        stream = Stream.Null;
        fileName = contentType = null;
        if (value.GetType() != FileType || StreamProperty?.GetValue(value) is not Stream found)
        {
            return false;
        }

        stream = found;
        fileName = NameProperty?.GetValue(value) as string;
        contentType = TypeProperty?.GetValue(value) as string;
        return true;
    }
}
