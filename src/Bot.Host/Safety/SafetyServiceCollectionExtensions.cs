using Bot.Adapters.Safety;
using Bot.Core.Safety;

namespace Bot.Host.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>The semantic tier of the crisis screen (Safety:SemanticModel, on unless set to false), loaded once at start.</summary>
    public static IServiceCollection AddCrisisScreenModel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SafetyOptions.SectionName).Get<SafetyOptions>() ?? new SafetyOptions();
        if (options.SemanticModel)
        {
            var cache = string.IsNullOrWhiteSpace(options.ModelCacheDirectory)
                ? LocalCrisisScreen.DefaultCacheDirectory
                : options.ModelCacheDirectory;
            services.AddSingleton(_ => SharedModel.Screen(cache));
        }

        services.AddHostedService<CrisisScreenWarmUp>();
        return services;
    }
}
