using System.Reflection;
using Bot.Adapters.Persistence;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>Turns a bad-configuration exception into one line that names the key to fix.</summary>
public static class ConfigurationErrors
{
    public static string? Describe(Exception exception) => exception switch
    {
        ConfigurationException config => config.Message,
        OptionsValidationException options => Describe(options),
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding.Message,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(d => d is not null),
        _ when exception.InnerException is not null => Describe(exception.InnerException),
        _ => null,
    };

    private static string Describe(OptionsValidationException exception)
    {
        var section = exception.OptionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
            ?? exception.OptionsType.Name;
        return $"Configuration section '{section}': {string.Join(" ", exception.Failures)}";
    }
}
