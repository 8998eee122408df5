using System.Threading.Channels;
using Bot.Adapters.Discord;
using Bot.Adapters.Discord.Gateway;
using Bot.Adapters.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>A real DiscordGatewayClient on a real WebSocket, pointed at the fake, collecting what it hands on.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<GatewayDispatch> _dispatches = Channel.CreateUnbounded<GatewayDispatch>();
    private readonly WebSocketGatewayTransport _transport = new();

    public GatewayHarness(Action<DiscordOptions>? configure = null, Action<FakeDiscordServer>? prepare = null)
    {
        prepare?.Invoke(Server);
        var options = DiscordTestOptions.For(Server);
        configure?.Invoke(options);
        Rest = new DiscordRestClient(new HttpClient(), Options.Create(options), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        Client = new DiscordGatewayClient(_transport, Rest, Options.Create(options), TimeProvider.System, NullLogger<DiscordGatewayClient>.Instance);
        Run = Task.Run(() => Client.RunAsync(
            (dispatch, _) =>
            {
                _dispatches.Writer.TryWrite(dispatch);
                return ValueTask.CompletedTask;
            },
            _stop.Token));
    }

    public FakeDiscordServer Server { get; } = new();

    public DiscordRestClient Rest { get; }

    public DiscordGatewayClient Client { get; }

    public Task Run { get; }

    public List<GatewayDispatch> Received { get; } = [];

    /// <summary>Reads handed-on events until <paramref name="count"/> have arrived in total.</summary>
    public async Task<List<GatewayDispatch>> ReceiveUntilAsync(int count)
    {
        using var timeout = new CancellationTokenSource(FakeDiscordServer.Patience);
        while (Received.Count < count)
        {
            Received.Add(await _dispatches.Reader.ReadAsync(timeout.Token));
        }

        return Received;
    }

    /// <summary>Connects, checks the Identify and sends READY (sequence 1).</summary>
    public async Task<FakeGatewayConnection> StartSessionAsync(int heartbeatMs = 1000)
    {
        var connection = await Server.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(FakeDiscordServer.Patience);
        }
        catch (Exception ex) when (ex is DiscordGatewayFatalException or OperationCanceledException or TimeoutException)
        {
        }

        await _transport.DisposeAsync();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
