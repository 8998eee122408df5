using Bot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>The community feature (group commands and the "I'm okay today" count) and the daily post dispatcher.</summary>
    public static IServiceCollection AddCommunityCore(this IServiceCollection services)
    {
        services.TryAddSingleton(CommunityCopy.English);
        services.AddScoped<ICommandFeature, CommunityFeature>();
        services.TryAddScoped<CommunityPostDispatcher>();
        return services;
    }
}
