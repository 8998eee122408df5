using System.Text.Json.Nodes;
using System.Threading.Channels;
using Bot.Adapters.Discord.Gateway;
using Bot.Adapters.Discord.Rest;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// Receives gateway events, maps them, and hands each message to Core in its own DI scope. Interactions are answered
/// by the adapter within Discord's 3 s: directly when Core is quick, otherwise deferred first and edited afterwards.
/// Messages from one person are handled in arrival order; different people do not wait for each other. A message that
/// fails every attempt is parked (<see cref="PoisonGuard"/>) so the person's next messages go on.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient gateway,
    DiscordRestClient rest,
    DiscordChatPlatform platform,
    IServiceScopeFactory scopes,
    PoisonGuard guard,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private const int MaxConcurrentHandlers = 16;
    private const int ChannelMessageWithSource = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdateMessage = 6;
    private const int UpdateMessage = 7;

    private readonly DiscordOptions _options = options.Value;
    private readonly DiscordCopy _copy = DiscordCopy.English;
    private readonly SemaphoreSlim _concurrency = new(MaxConcurrentHandlers, MaxConcurrentHandlers);
    private readonly KeyedLocks _chatLocks = new();
    private readonly List<Task> _inFlight = [];

    /// <summary>Set when the gateway stopped for good (bad token, shard or intents); the message names the cause.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(stoppingToken);
        var queue = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = ConsumeAsync(queue.Reader, stoppingToken);
        try
        {
            await gateway.RunAsync(
                (dispatch, _) =>
                {
                    queue.Writer.TryWrite(dispatch);
                    return ValueTask.CompletedTask;
                },
                stoppingToken);
        }
        catch (DiscordGatewayFatalException ex)
        {
            FatalError = ex.Message;
            LogGatewayStopped(logger, ex.CloseCode, ex.Message);
        }
        finally
        {
            queue.Writer.TryComplete();
            await consumer;
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        if (!_options.RegisterCommandsOnStart)
        {
            return;
        }

        try
        {
            var applicationId = string.IsNullOrEmpty(_options.ApplicationId)
                ? await rest.GetApplicationIdAsync(cancellationToken)
                : _options.ApplicationId;
            if (applicationId is null)
            {
                LogCommandsNotRegistered(logger, 0);
                return;
            }

            var response = await rest.BulkOverwriteGlobalCommandsAsync(applicationId, DiscordCommands.Build(_copy), cancellationToken);
            if (response.IsSuccess)
            {
                LogCommandsRegistered(logger, DiscordCommands.Personal.Count + 1);
            }
            else
            {
                LogCommandsNotRegistered(logger, response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandsFailed(logger, ex);
        }
    }

    private async Task ConsumeAsync(ChannelReader<GatewayDispatch> reader, CancellationToken cancellationToken)
    {
        await foreach (var dispatch in reader.ReadAllAsync(CancellationToken.None))
        {
            DiscordMappedEvent? mapped;
            try
            {
                mapped = DiscordEventMapper.Map(dispatch.EventName, dispatch.Data, gateway.BotUserId, _options.ButtonLifetime);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                LogUnmappable(logger, ex, dispatch.EventName);
                continue;
            }

            if (mapped is null)
            {
                continue;
            }

            if (mapped.Message is { Kind: ChatKind.Private } personal)
            {
                platform.MarkReachable(personal.SenderId);
            }

            // Taken here, in arrival order, so one person's messages reach Core in the order they were sent.
            var chatLock = mapped.Message is { } message ? _chatLocks.Enter(message.Chat.ToString()) : null;
            var work = ProcessAsync(mapped, dispatch, chatLock, cancellationToken);
            lock (_inFlight)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                _inFlight.Add(work);
            }
        }

        Task[] remaining;
        lock (_inFlight)
        {
            remaining = [.. _inFlight];
        }

        await Task.WhenAll(remaining);
    }

    private async Task ProcessAsync(DiscordMappedEvent mapped, GatewayDispatch dispatch, Task<IDisposable>? chatLock, CancellationToken cancellationToken)
    {
        try
        {
            if (mapped.Message is null)
            {
                if (mapped.Interaction is { } onlyAnswer)
                {
                    await RespondAsync(onlyAnswer, cancellationToken);
                }

                return;
            }

            var handling = HandleInOrderAsync(mapped.Message, dispatch, chatLock!, cancellationToken);
            if (mapped.Interaction is not { } interaction)
            {
                await handling;
                return;
            }

            var left = dispatch.ReceivedAt + _options.InteractionAckDeadline - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.WhenAny(handling, Task.Delay(left, time, cancellationToken));
            }

            if (handling.IsCompleted)
            {
                await RespondAsync(interaction, cancellationToken);
                return;
            }

            await DeferAsync(interaction, cancellationToken);
            await handling;
            await EditDeferredAsync(interaction, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; a message not yet handled is redelivered by Discord only on resume, so nothing more to do here.
        }
        catch (Exception ex)
        {
            LogProcessingFailed(logger, ex);
        }
    }

    private async Task HandleInOrderAsync(InboundMessage message, GatewayDispatch dispatch, Task<IDisposable> chatLock, CancellationToken cancellationToken)
    {
        using var held = await chatLock;
        var update = new InboundUpdate(Platform.Discord, message.PlatformMessageId, message.Chat, () => DiscordInboundReplayer.Write(dispatch));
        var attempts = new InboundAttempts(
            _options.InboundAttempts,
            failures => InboundAttempts.Doubling(_options.RestRetryDelay, _options.MaxReconnectDelay, failures));
        try
        {
            await guard.RunAsync(update, attempts, token => HandleAsync(message, token), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The interaction is still answered.
            LogHandlerFailed(logger, ex);
        }
    }

    private async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // The slot is taken here, not when the event is read, so a busy Core never delays the next interaction's answer;
        // and it is free while a failed message waits for its next attempt.
        await _concurrency.WaitAsync(CancellationToken.None);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>();
            var outcome = await handler.HandleAsync(message, cancellationToken);
            LogHandled(logger, outcome);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private async Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var payload = interaction.Answer == DiscordAnswer.RemoveButtons
            ? new JsonObject { ["type"] = UpdateMessage, ["data"] = new JsonObject { ["components"] = new JsonArray() } }
            : new JsonObject { ["type"] = ChannelMessageWithSource, ["data"] = DiscordMessageRenderer.RenderEphemeral(_copy.Answer(interaction.Answer)) };
        var response = await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, payload, cancellationToken);
        LogInteractionAnswered(logger, interaction.Answer, deferred: false, response.StatusCode);
    }

    private async Task DeferAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var payload = interaction.Answer == DiscordAnswer.RemoveButtons
            ? new JsonObject { ["type"] = DeferredUpdateMessage }
            : new JsonObject { ["type"] = DeferredChannelMessage, ["data"] = new JsonObject { ["flags"] = 64 } };
        var response = await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, payload, cancellationToken);
        LogInteractionAnswered(logger, interaction.Answer, deferred: true, response.StatusCode);
    }

    private async Task EditDeferredAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var applicationId = !string.IsNullOrEmpty(interaction.ApplicationId) ? interaction.ApplicationId
            : !string.IsNullOrEmpty(_options.ApplicationId) ? _options.ApplicationId
            : gateway.ApplicationId;
        if (applicationId is null)
        {
            return;
        }

        var payload = interaction.Answer == DiscordAnswer.RemoveButtons
            ? new JsonObject { ["components"] = new JsonArray() }
            : new JsonObject { ["content"] = _copy.Answer(interaction.Answer) };
        await rest.EditOriginalInteractionResponseAsync(applicationId, interaction.Token, payload, cancellationToken);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Critical, Message = "Discord adapter stopped: gateway closed with {Code}. {Cause}")]
    private static partial void LogGatewayStopped(ILogger logger, int code, string cause);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands")]
    private static partial void LogCommandsRegistered(ILogger logger, int count);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning, Message = "Discord slash commands not registered (HTTP {Status}); set Discord:ApplicationId if the lookup failed")]
    private static partial void LogCommandsNotRegistered(ILogger logger, int status);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Warning, Message = "Discord slash command registration failed")]
    private static partial void LogCommandsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6305, Level = LogLevel.Warning, Message = "Discord event {EventName} could not be read; skipped")]
    private static partial void LogUnmappable(ILogger logger, Exception exception, string eventName);

    [LoggerMessage(EventId = 6306, Level = LogLevel.Error, Message = "Discord event processing failed")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6307, Level = LogLevel.Error, Message = "Core failed to handle a Discord message")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6308, Level = LogLevel.Debug, Message = "Discord message handled: {Outcome}")]
    private static partial void LogHandled(ILogger logger, HandleOutcome outcome);

    [LoggerMessage(EventId = 6309, Level = LogLevel.Debug, Message = "Discord interaction answered ({Answer}, deferred {Deferred}): HTTP {Status}")]
    private static partial void LogInteractionAnswered(ILogger logger, DiscordAnswer answer, bool deferred, int status);
}
