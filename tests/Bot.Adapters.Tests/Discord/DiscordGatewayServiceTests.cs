using System.Text.Json;
using Bot.Adapters.Discord;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordGatewayServiceTests : IAsyncDisposable
{
    private const string Sam = "200000000000000002";
    private readonly AdapterUnderTest _adapter = new(new FakeDiscordServer());
    private readonly FakeDiscordServer _server;
    private readonly RecordingInboundHandler.Inbox _inbox;
    private readonly ServiceProvider _services;
    private readonly DiscordGatewayService _service;

    public DiscordGatewayServiceTests()
    {
        _server = _adapter.Server;
        _inbox = _adapter.Inbox;
        _services = _adapter.Services;
        _service = _adapter.Service;
    }

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();

    private async Task<FakeGatewayConnection> StartAsync()
    {
        await _service.StartAsync(CancellationToken.None);
        var connection = await _server.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);
        await connection.ReadyAsync(guildId: FakeGatewayConnection.GuildId);
        await connection.GuildCreateAsync(1);
        return connection;
    }

    private static string Interaction(string fixture) => DiscordFixtures.Text(fixture);

    private async Task<JsonElement> CallbackForAsync(string interactionId)
    {
        var request = await _server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith($"/interactions/{interactionId}/", StringComparison.Ordinal));
        return JsonDocument.Parse(request.Body).RootElement;
    }

    [Fact]
    public async Task Start_RegistersTheSlashCommandsByBulkOverwrite()
    {
        await StartAsync();

        var put = await _server.WaitForRequestAsync(r => r.Method == "PUT");
        Assert.Equal($"/applications/{FakeGatewayConnection.ApplicationId}/commands", put.Path);
        // Every command of the one list but /start, and /community.
        Assert.Equal(Bot.Core.Commands.CommandCatalog.English.All.Count, JsonDocument.Parse(put.Body).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task DirectMessage_ReachesCoreOnceInItsOwnScope()
    {
        var connection = await StartAsync();

        await connection.DispatchAsync("MESSAGE_CREATE", 2, DiscordFixtures.Text("message_create_dm"));
        await connection.DispatchAsync("MESSAGE_CREATE", 3, DiscordFixtures.Text("message_create_dm").Replace("1310000000000000101", "1310000000000000109", StringComparison.Ordinal));

        var first = await _inbox.NextAsync();
        var second = await _inbox.NextAsync();
        Assert.Equal("1310000000000000101", first.Message.PlatformMessageId);
        Assert.Equal("1310000000000000109", second.Message.PlatformMessageId);
        Assert.Equal(DiscordChat.Person(Sam), first.Message.Chat);
        Assert.NotEqual(first.Scope, second.Scope);
    }

    [Fact]
    public async Task ButtonPress_QuickHandler_IsAnsweredByTakingTheButtonsOff()
    {
        var connection = await StartAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Interaction("interaction_button_dm"));

        var handled = await _inbox.NextAsync();
        Assert.Equal("mood:tired", handled.Message.ChoiceId);
        var callback = await CallbackForAsync("1310000000000000201");
        Assert.Equal(7, callback.GetProperty("type").GetInt32());
        Assert.Equal(0, callback.GetProperty("data").GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task SlashCommand_SlowHandler_IsDeferredBeforeCoreFinishesThenEdited()
    {
        var release = new TaskCompletionSource();
        _inbox.Hold = release.Task;
        var connection = await StartAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Interaction("interaction_slash_checkin_guild"));

        // Core is still busy (held), yet the interaction has been acknowledged: deferred, ephemeral.
        var deferred = await CallbackForAsync("1310000000000000302");
        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        Assert.Equal(64, deferred.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, _inbox.Handled.Reader.Count);

        release.SetResult();
        var handled = await _inbox.NextAsync();
        Assert.Equal("/checkin", handled.Message.Text);
        var edit = await _server.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{FakeGatewayConnection.ApplicationId}/interaction-token-slash-guild/messages/@original", edit.Path);
        Assert.Equal(DiscordCopy.English.Answer(DiscordAnswer.AnsweredInDirectMessages), JsonDocument.Parse(edit.Body).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task SlashCommand_WhileCoreIsBusyWithManyPeople_IsStillAcknowledged()
    {
        var release = new TaskCompletionSource();
        _inbox.Hold = release.Task;
        var connection = await StartAsync();
        var dm = DiscordFixtures.Text("message_create_dm");
        for (var i = 0; i < 20; i++)
        {
            var someone = dm.Replace(Sam, $"2100000000000000{i:00}", StringComparison.Ordinal)
                .Replace("1310000000000000101", $"13100000000000005{i:00}", StringComparison.Ordinal);
            await connection.DispatchAsync("MESSAGE_CREATE", 2 + i, someone);
        }

        await connection.DispatchAsync("INTERACTION_CREATE", 30, Interaction("interaction_slash_checkin_guild"));

        var deferred = await CallbackForAsync("1310000000000000302");
        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        release.SetResult();
        for (var i = 0; i < 21; i++)
        {
            await _inbox.NextAsync();
        }
    }

    [Fact]
    public async Task ButtonPress_SlowHandler_IsDeferredSilentlyThenTheButtonsComeOff()
    {
        var release = new TaskCompletionSource();
        _inbox.Hold = release.Task;
        var connection = await StartAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Interaction("interaction_button_dm"));

        var deferred = await CallbackForAsync("1310000000000000201");
        Assert.Equal(6, deferred.GetProperty("type").GetInt32());
        release.SetResult();
        await _inbox.NextAsync();
        var edit = await _server.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal(0, JsonDocument.Parse(edit.Body).RootElement.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task SomeoneElsesButton_GetsAKindEphemeralExpiredAnswerAndNothingElse()
    {
        var connection = await StartAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Interaction("interaction_button_someone_else"));
        var callback = await CallbackForAsync("1310000000000000202");
        await connection.DispatchAsync("MESSAGE_CREATE", 3, DiscordFixtures.Text("message_create_dm"));
        var next = await _inbox.NextAsync();

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(DiscordCopy.English.Answer(DiscordAnswer.ButtonExpired), callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal("1310000000000000101", next.Message.PlatformMessageId);
        Assert.Equal(0, _inbox.Handled.Reader.Count);
        Assert.Single(_server.RequestsTo("POST", "/interactions/"));
    }

    [Fact]
    public async Task DirectMessage_FromSomeoneMarkedUnreachable_MakesThemReachableAgain()
    {
        var refuse = true;
        _server.Respond = r => refuse && r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? FakeResponse.Json(403, """{"message":"Cannot send messages to this user","code":50007}""")
            : null;
        var platform = _services.GetRequiredService<DiscordChatPlatform>();
        var connection = await StartAsync();
        Assert.Equal(SendStatus.Unreachable, (await platform.SendAsync(OutboundMessage.Plain(DiscordChat.Person(Sam), "hi"), "k1", CancellationToken.None)).Status);
        refuse = false;

        await connection.DispatchAsync("MESSAGE_CREATE", 2, DiscordFixtures.Text("message_create_dm"));
        await _inbox.NextAsync();

        Assert.Equal(SendStatus.Sent, (await platform.SendAsync(OutboundMessage.Plain(DiscordChat.Person(Sam), "hi"), "k2", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task FatalClose_StopsTheAdapterWithTheCause()
    {
        await _service.StartAsync(CancellationToken.None);
        var connection = await _server.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);

        await connection.CloseAsync(4004);

        await _service.ExecuteTask!.WaitAsync(FakeDiscordServer.Patience);
        Assert.Contains("Discord:BotToken", _service.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordAdapter_Disabled_RegistersNothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Enabled"] = "false" }).Build();
        var services = new ServiceCollection();

        services.AddDiscordAdapter(configuration);

        Assert.Empty(services);
    }

    [Fact]
    public void AddDiscordAdapter_EnabledWithoutToken_FailsValidationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Enabled"] = "true" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordAdapter(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:BotToken", error.Message, StringComparison.Ordinal);
    }
}
