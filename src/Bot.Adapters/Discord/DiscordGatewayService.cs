using System.Threading.Channels;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Discord;
using Discord.WebSocket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// Takes Discord.Net's events off its gateway loop at once, maps them, and hands each message to Core in its own DI scope.
/// Interactions are answered by the adapter within Discord's 3 s: directly when Core is quick, otherwise deferred first
/// and edited afterwards. Messages from one person are handled in arrival order; different people do not wait for each
/// other. A message that fails every attempt is parked (<see cref="PoisonGuard"/>) so the person's next messages go on.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordConnection connection,
    DiscordChatPlatform platform,
    IServiceScopeFactory scopes,
    PoisonGuard guard,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private const int MaxConcurrentHandlers = 16;

    private readonly DiscordOptions _options = options.Value;
    private readonly DiscordCopy _copy = DiscordCopy.English;
    private readonly SemaphoreSlim _concurrency = new(MaxConcurrentHandlers, MaxConcurrentHandlers);
    private readonly ChatLanes _chatLanes = new();
    private readonly List<Task> _inFlight = [];
    private readonly Channel<Received> _queue = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
    private int _commandsRegistered;

    /// <summary>Set when the gateway stopped for good (bad token, shard or intents); the message names the cause.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.Client.MessageReceived += OnMessageAsync;
        connection.Client.InteractionCreated += OnInteractionAsync;
        connection.Ready += OnReadyAsync;
        var consumer = ConsumeAsync(stoppingToken);
        try
        {
            await connection.StartAsync(stoppingToken);
            FatalError = await connection.Fatal.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection.Client.MessageReceived -= OnMessageAsync;
            connection.Client.InteractionCreated -= OnInteractionAsync;
            connection.Ready -= OnReadyAsync;
            await connection.StopAsync();
            _queue.Writer.TryComplete();
            await consumer;
        }
    }

    // The three handlers run on Discord.Net's gateway loop: they only read and queue, or heartbeats would be missed.
    private Task OnMessageAsync(SocketMessage message)
    {
        _queue.Writer.TryWrite(new Received(new DiscordParkedEvent(DiscordFactsReader.Read(message), null), null));
        return Task.CompletedTask;
    }

    private Task OnInteractionAsync(SocketInteraction interaction)
    {
        var receivedAt = time.GetUtcNow();
        if (DiscordFactsReader.Read(interaction, receivedAt) is { } facts)
        {
            _queue.Writer.TryWrite(new Received(new DiscordParkedEvent(null, facts), interaction));
        }

        return Task.CompletedTask;
    }

    /// <summary>READY comes again after every new session and from every shard: the commands are registered once.</summary>
    private Task OnReadyAsync(DiscordSocketClient shard)
    {
        if (_options.RegisterCommandsOnStart && Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
        {
            _ = Task.Run(RegisterCommandsAsync);
        }

        return Task.CompletedTask;
    }

    private async Task RegisterCommandsAsync()
    {
        try
        {
            var commands = DiscordCommands.Build(_copy);
            await connection.Rest.BulkOverwriteGlobalCommands(commands);
            LogCommandsRegistered(logger, commands.Length);
        }
        catch (Exception ex)
        {
            // The next READY tries again.
            Interlocked.Exchange(ref _commandsRegistered, 0);
            LogCommandsFailed(logger, ex.GetType().Name);
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        await foreach (var received in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            var mapped = DiscordEventMapper.Map(received.Event, connection.BotUserId, _options.ButtonLifetime);
            if (mapped is null)
            {
                continue;
            }

            if (mapped.Message is { Kind: ChatKind.Private } personal)
            {
                platform.MarkReachable(personal.SenderId);
            }

            // Taken here, in arrival order, so one person's messages reach Core in the order they were sent.
            var chatLock = mapped.Message is { } message ? _chatLanes.Enter(message.Chat.ToString()) : null;
            var work = ProcessAsync(mapped, received, chatLock, cancellationToken);
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

    private async Task ProcessAsync(DiscordMappedEvent mapped, Received received, Task<IDisposable>? chatLock, CancellationToken cancellationToken)
    {
        try
        {
            if (mapped.Message is null)
            {
                if (received.Interaction is { } onlyInteraction && mapped.Answer is { } onlyAnswer)
                {
                    await RespondAsync(onlyInteraction, onlyAnswer);
                }

                return;
            }

            var handling = HandleInOrderAsync(mapped.Message, received.Event, chatLock!, cancellationToken);
            if (received.Interaction is not { } interaction || mapped.Answer is not { } answer)
            {
                await handling;
                return;
            }

            var left = received.Event.Interaction!.ReceivedAt + _options.InteractionAckDeadline - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.WhenAny(handling, Task.Delay(left, time, cancellationToken));
            }

            if (handling.IsCompleted)
            {
                await RespondAsync(interaction, answer);
                return;
            }

            await DeferAsync(interaction, answer);
            await handling;
            await EditDeferredAsync(interaction, answer);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; a message not yet handled is redelivered by Discord only on resume, so nothing more to do here.
        }
        catch (Exception ex)
        {
            LogProcessingFailed(logger, ex.GetType().Name);
        }
    }

    private async Task HandleInOrderAsync(InboundMessage message, DiscordParkedEvent parked, Task<IDisposable> chatLock, CancellationToken cancellationToken)
    {
        using var held = await chatLock;
        var update = new InboundUpdate(Platform.Discord, message.PlatformMessageId, message.Chat, () => DiscordInboundReplayer.Write(parked));
        var attempts = new InboundAttempts(
            _options.InboundAttempts,
            failures => InboundAttempts.Doubling(_options.RestRetryDelay, TimeSpan.FromMinutes(1), failures));
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

    private async Task RespondAsync(SocketInteraction interaction, DiscordAnswer answer)
    {
        if (answer == DiscordAnswer.RemoveButtons && interaction is SocketMessageComponent component)
        {
            await component.UpdateAsync(m => m.Components = new ComponentBuilder().Build());
        }
        else
        {
            await interaction.RespondAsync(DiscordMessageRenderer.RenderAnswer(_copy.Answer(answer)), ephemeral: true, allowedMentions: DiscordMessageRenderer.NoMentions);
        }

        LogInteractionAnswered(logger, answer, deferred: false);
    }

    private async Task DeferAsync(SocketInteraction interaction, DiscordAnswer answer)
    {
        // A button press that will take its buttons off is deferred silently (type 6); everything else as "thinking" (type 5).
        if (answer == DiscordAnswer.RemoveButtons && interaction is SocketMessageComponent component)
        {
            await component.DeferAsync();
        }
        else
        {
            await interaction.DeferAsync(ephemeral: true);
        }

        LogInteractionAnswered(logger, answer, deferred: true);
    }

    private async Task EditDeferredAsync(SocketInteraction interaction, DiscordAnswer answer)
    {
        if (answer == DiscordAnswer.RemoveButtons)
        {
            await interaction.ModifyOriginalResponseAsync(m => m.Components = new ComponentBuilder().Build());
        }
        else
        {
            await interaction.ModifyOriginalResponseAsync(m => m.Content = DiscordMessageRenderer.RenderAnswer(_copy.Answer(answer)));
        }
    }

    /// <summary>An event read off the gateway, with the interaction to answer when it is one.</summary>
    private sealed record Received(DiscordParkedEvent Event, SocketInteraction? Interaction);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands")]
    private static partial void LogCommandsRegistered(ILogger logger, int count);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Warning, Message = "Discord slash command registration failed ({Error}); tried again at the next READY")]
    private static partial void LogCommandsFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6306, Level = LogLevel.Error, Message = "Discord event processing failed ({Error})")]
    private static partial void LogProcessingFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6307, Level = LogLevel.Error, Message = "Core failed to handle a Discord message")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6308, Level = LogLevel.Debug, Message = "Discord message handled: {Outcome}")]
    private static partial void LogHandled(ILogger logger, HandleOutcome outcome);

    [LoggerMessage(EventId = 6309, Level = LogLevel.Debug, Message = "Discord interaction answered ({Answer}, deferred {Deferred})")]
    private static partial void LogInteractionAnswered(ILogger logger, DiscordAnswer answer, bool deferred);
}
