using Bot.Adapters.Persistence;

namespace Bot.Host.Cli;

/// <summary>A small host for one-shot verbs (migrate, stats, ...): configuration and the store, quiet logs.</summary>
public static class ToolHost
{
    public static IHost Build(HostArguments arguments, Action<IServiceCollection>? configure = null)
    {
        var builder = CreateBuilder(arguments);
        builder.Services.AddBotPersistence(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Configuration (arguments, --data-dir) and quiet logs, no services yet: for verbs that need more than the store.</summary>
    public static HostApplicationBuilder CreateBuilder(HostArguments arguments)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (arguments.DataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = arguments.DataDirectory;
        }

        QuietLogging.ToStandardError(builder.Logging);
        return builder;
    }
}
