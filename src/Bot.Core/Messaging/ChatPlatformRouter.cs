namespace Bot.Core.Messaging;

public sealed class ChatPlatformRouter(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<Platform, IChatPlatform> _byPlatform = platforms.ToDictionary(p => p.Platform);

    public bool TryGet(Platform platform, out IChatPlatform chatPlatform) =>
        _byPlatform.TryGetValue(platform, out chatPlatform!);

    public IReadOnlyCollection<Platform> Enabled => _byPlatform.Keys;
}
