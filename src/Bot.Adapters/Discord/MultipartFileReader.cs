using System.Reflection;

namespace Bot.Adapters.Discord;

/// <summary>
/// Discord.Net hands file uploads to an <c>IRestClient</c> as its internal <c>MultipartFile</c> struct, whose fields a
/// client of our own cannot name; they are read here once by reflection so attachments (exports) can be sent.
/// </summary>
internal static class MultipartFileReader
{
    private static readonly Type? FileType = typeof(global::Discord.Net.Rest.IRestClient).Assembly.GetType("Discord.Net.Rest.MultipartFile");
    private static readonly MemberInfo? StreamMember = Member("Stream");
    private static readonly MemberInfo? NameMember = Member("Filename");
    private static readonly MemberInfo? TypeMember = Member("ContentType");

    public static bool TryRead(object value, out Stream stream, out string? fileName, out string? contentType)
    {
        stream = Stream.Null;
        fileName = contentType = null;
        if (value.GetType() != FileType || Read(StreamMember, value) is not Stream found)
        {
            return false;
        }

        stream = found;
        fileName = Read(NameMember, value) as string;
        contentType = Read(TypeMember, value) as string;
        return true;
    }

    private static MemberInfo? Member(string name) =>
        (MemberInfo?)FileType?.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        ?? FileType?.GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

    private static object? Read(MemberInfo? member, object value) => member switch
    {
        FieldInfo field => field.GetValue(value),
        PropertyInfo property => property.GetValue(value),
        _ => null,
    };
}
