using Bot.Adapters.Persistence;

namespace Bot.Host.Cli;

/// <summary>A small host for one-shot verbs (migrate, stats, ...): configuration and the store, quiet logs.</summary>
public static class ToolHost
{
    public static IHost Build(CommandLine commandLine, Action<IServiceCollection>? configure = null)
    {
        var builder = CreateBuilder(commandLine);
        builder.Services.AddBotPersistence(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Configuration (arguments, --data-dir) and quiet logs, no services yet: for verbs that need more than the store.</summary>
    public static HostApplicationBuilder CreateBuilder(CommandLine commandLine)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = commandLine.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (commandLine.DataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = commandLine.DataDirectory;
        }

        QuietLogging.ToStandardError(builder.Logging);
        return builder;
    }
}
