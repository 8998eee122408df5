using System.Text.Json;
using Bot.Adapters.Discord;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;

namespace Bot.Adapters.Tests.Discord;

/// <summary>Discord.Net's gateway session against the scripted fake: what it sends, how it resumes, and where our own rules apply.</summary>
public sealed class DiscordConnectionTests
{
    private static string DirectMessage(string? id = null) => $$"""
        {"id":"{{id ?? FakeSnowflake.Now()}}","channel_id":"7200000000000000002","author":{"id":"200000000000000002","username":"sam","discriminator":"0"},
         "content":"okay","timestamp":"2026-11-24T08:00:00+00:00","type":0,"channel_type":1,"flags":0,"mentions":[],"attachments":[],"embeds":[]}
        """;

    [Fact]
    public async Task Start_NormalSession_IdentifiesWithIntentsHeartbeatsWithLastSequenceAndHandsOnDirectMessages()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.Server.NextConnectionAsync();
        Assert.Equal("/gw", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);

        await connection.HelloAsync(heartbeatIntervalMs: 1000);
        var identify = await connection.ExpectAsync(2);
        Assert.Equal(DiscordTestOptions.Token, identify.GetProperty("token").GetString());
        Assert.Equal(4609, identify.GetProperty("intents").GetInt32());
        // One shard of one: Discord.Net leaves "shard" out, which Discord reads as [0,1].
        Assert.True(!identify.TryGetProperty("shard", out var shard) || shard.GetRawText() == "[0,1]", identify.GetRawText());

        await connection.ReadyAsync();
        await connection.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage());
        var received = await harness.ReceiveUntilAsync(1);

        Assert.Equal("okay", received[0].Content);
        Assert.True(received[0].InDirectMessages);
        Assert.Equal(FakeGatewayConnection.BotUserId, harness.Connection.BotUserId);
        await GatewayHarness.WaitUntilAsync(() => harness.Connection.IsConnected);
        await connection.WaitForHeartbeatAsync(beat => beat.GetProperty("d").ValueKind == JsonValueKind.Number && beat.GetProperty("d").GetInt64() == 2);
        await connection.WaitForHeartbeatCountAsync(3);
        Assert.False(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task ConnectionDropped_ResumesOnTheResumeUrlAndHandsOnTheMissedEvents()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage());
        await first.DispatchAsync("MESSAGE_CREATE", 3, DirectMessage());
        await harness.ReceiveUntilAsync(2);

        first.Drop();

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        var resume = await second.ExpectAsync(6);
        Assert.Equal(FakeGatewayConnection.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(3, resume.GetProperty("seq").GetInt64());
        Assert.Equal(DiscordTestOptions.Token, resume.GetProperty("token").GetString());

        // 4 and 5 were missed while disconnected; Discord replays them before RESUMED.
        var missed = new[] { FakeSnowflake.Now(), FakeSnowflake.Now() };
        await second.DispatchAsync("MESSAGE_CREATE", 4, DirectMessage(missed[0]));
        await second.DispatchAsync("MESSAGE_CREATE", 5, DirectMessage(missed[1]));
        await second.ResumedAsync(6);
        var received = await harness.ReceiveUntilAsync(4);

        Assert.Equal(missed, received.Skip(2).Select(m => m.Id));
        Assert.Equal(1, harness.ReadyCount);
    }

    [Fact]
    public async Task Op7Reconnect_ClosesKeepingTheSessionAndResumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();

        await first.SendAsync("""{"op":7,"d":null,"s":null,"t":null}""");

        var closeCode = await first.Closed.WaitAsync(FakeDiscordServer.Patience);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        var resume = await second.ExpectAsync(6);
        Assert.Equal(1, resume.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task ResumeRefused_IdentifiesAgainAndReadyFiresAgain()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage());
        await harness.ReceiveUntilAsync(1);
        first.Drop();

        var second = await harness.Server.NextConnectionAsync();
        await second.HelloAsync();
        await second.ExpectAsync(6);
        await second.SendAsync("""{"op":9,"d":false,"s":null,"t":null}""");

        // Discord.Net identifies again at once on the same socket; a new session starts its sequence again.
        await second.ExpectAsync(2);
        await second.ReadyAsync(1, "session-two");
        await second.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage());
        await harness.ReceiveUntilAsync(2);
        await GatewayHarness.WaitUntilAsync(() => harness.ReadyCount == 2);
    }

    [Fact]
    public async Task HeartbeatNotAcknowledged_TreatsTheConnectionAsZombieAndResumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.Server.NextConnectionAsync();
        first.AckHeartbeats = false;
        await first.HelloAsync(heartbeatIntervalMs: 300);
        await first.ExpectAsync(2);
        await first.ReadyAsync();

        var closeCode = await first.Closed.WaitAsync(FakeDiscordServer.Patience);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        Assert.NotEmpty(first.Heartbeats);

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(6);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4014, "Privileged Gateway Intents")]
    [InlineData(4010, "Discord:ShardIds")]
    [InlineData(4013, "Discord:Intents")]
    public async Task FatalCloseCode_StopsForGoodWithTheCauseAndReportsUnhealthy(int code, string cause)
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.StartSessionAsync();

        await connection.CloseAsync(code);

        var fatal = await harness.Connection.Fatal.WaitAsync(FakeDiscordServer.Patience);
        Assert.Contains(cause, fatal, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), fatal, StringComparison.Ordinal);
        Assert.False(harness.Connection.IsConnected);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(harness.Server.HasPendingConnection, "It connected again after a fatal close code.");
        Assert.False(harness.Connection.IsConnected);
    }

    [Fact]
    public async Task ResumableCloseCode_Resumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();

        await first.CloseAsync(4000);

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(6);
    }

    [Fact]
    public async Task ServerAsksForAHeartbeat_AnswersAtOnce()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.StartSessionAsync(heartbeatMs: 60_000);

        await connection.SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");

        await connection.WaitForHeartbeatAsync(beat => beat.GetProperty("d").ValueKind == JsonValueKind.Number && beat.GetProperty("d").GetInt64() == 1);
    }

    [Fact]
    public async Task UnknownOpcodesEventsAndSplitFrames_AreReadWithoutLosingTheSession()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.StartSessionAsync();

        await connection.SendAsync("""{"op":42,"d":{"whatever":true},"s":null,"t":null}""");
        await connection.DispatchAsync("SOMETHING_NEW", 2, "{}");
        var padded = DirectMessage().Replace("\"okay\"", "\"" + new string('x', 40_000) + "\"", StringComparison.Ordinal);
        await connection.SendFragmentedAsync($$"""{"op":0,"s":3,"t":"MESSAGE_CREATE","d":{{padded}}}""", frameSize: 4096);
        var received = await harness.ReceiveUntilAsync(1);

        Assert.Equal(40_000, received[0].Content!.Length);
        Assert.False(connection.Closed.IsCompleted);
    }
}
