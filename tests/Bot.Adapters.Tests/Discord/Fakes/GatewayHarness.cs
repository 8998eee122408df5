using System.Threading.Channels;
using Bot.Adapters.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Bot.Testing.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>A real <see cref="DiscordConnection"/> (Discord.Net on a real WebSocket), pointed at the fake, collecting the DMs it reads.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly Channel<DiscordMessageFacts> _messages = Channel.CreateUnbounded<DiscordMessageFacts>();
    private readonly Channel<object> _facts = Channel.CreateUnbounded<object>();
    private readonly ServiceProvider _services;

    public GatewayHarness(Action<DiscordOptions>? configure = null, Action<FakeDiscordServer>? prepare = null)
    {
        prepare?.Invoke(Server);
        var options = DiscordTestOptions.For(Server);
        configure?.Invoke(options);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        Connection = new DiscordConnection(
            Options.Create(options),
            new DiscordRequestGuard(TimeProvider.System),
            _services.GetRequiredService<IHttpClientFactory>(),
            TimeProvider.System,
            NullLogger<DiscordConnection>.Instance);
        Connection.Client.MessageReceived += message =>
        {
            var facts = DiscordFactsReader.Read(message);
            _messages.Writer.TryWrite(facts);
            _facts.Writer.TryWrite(facts);
            return Task.CompletedTask;
        };
        Connection.Client.InteractionCreated += interaction =>
        {
            if (DiscordFactsReader.Read(interaction, DateTimeOffset.UtcNow) is { } facts)
            {
                _facts.Writer.TryWrite(facts);
            }

            return Task.CompletedTask;
        };
        Connection.Ready += _ =>
        {
            Interlocked.Increment(ref _readyCount);
            return Task.CompletedTask;
        };
        Connection.Client.Log += message =>
        {
            Console.WriteLine($"discord.net: {message.Source} {message.Message} {message.Exception}");
            return Task.CompletedTask;
        };
        Start = Task.Run(() => Connection.StartAsync(CancellationToken.None));
    }

    private int _readyCount;

    public FakeDiscordServer Server { get; } = new();

    public DiscordConnection Connection { get; }

    public Task Start { get; }

    public int ReadyCount => Volatile.Read(ref _readyCount);

    public List<DiscordMessageFacts> Received { get; } = [];

    /// <summary>Reads handed-on messages until <paramref name="count"/> have arrived in total.</summary>
    public async Task<List<DiscordMessageFacts>> ReceiveUntilAsync(int count)
    {
        using var timeout = new CancellationTokenSource(FakeDiscordServer.Patience);
        while (Received.Count < count)
        {
            Received.Add(await _messages.Reader.ReadAsync(timeout.Token));
        }

        return Received;
    }

    /// <summary>The next message or interaction facts read from the gateway, in arrival order.</summary>
    public async Task<object> NextFactsAsync()
    {
        using var timeout = new CancellationTokenSource(FakeDiscordServer.Patience);
        return await _facts.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Connects, checks the Identify and sends READY (sequence 1).</summary>
    public async Task<FakeGatewayConnection> StartSessionAsync(int heartbeatMs = 1000)
    {
        var connection = await Server.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync();
        await WaitUntilAsync(() => Connection.IsConnected);
        return connection;
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + FakeDiscordServer.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition never became true.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync().AsTask().WaitAsync(FakeDiscordServer.Patience);
        }
        catch (TimeoutException)
        {
        }

        await Server.DisposeAsync();
        await _services.DisposeAsync();
    }
}
