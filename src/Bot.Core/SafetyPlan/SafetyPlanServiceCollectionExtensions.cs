using Bot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.SafetyPlan;

public static class SafetyPlanServiceCollectionExtensions
{
    /// <summary>/safetyplan, /country, the follow-up after a crisis response, and the care around it. ISafetyPlanStore comes from persistence.</summary>
    public static IServiceCollection AddSafetyPlan(this IServiceCollection services)
    {
        services.AddSingleton(SafetyPlanCopy.English);
        services.AddScoped<CrisisCare>();
        services.AddScoped<SafetyPlanFeature>();
        services.AddScoped<SafetyFollowUpFeature>();
        services.AddScoped<ICommandFeature>(sp => sp.GetRequiredService<SafetyPlanFeature>());
        services.AddScoped<ICommandFeature>(sp => sp.GetRequiredService<SafetyFollowUpFeature>());
        services.AddSingleton<ICommandFeature, CountryFeature>();
        return services;
    }
}
