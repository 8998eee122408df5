using System.Text.Json;
using Bot.Adapters.Discord.Gateway;
using Bot.Adapters.Tests.Discord.Fakes;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordGatewayClientTests
{
    private const string DirectMessage = """
        {"id":"1300000000000000001","channel_id":"700","author":{"id":"200000000000000002","username":"sam"},
         "content":"okay","timestamp":"2026-11-24T08:00:00+00:00","type":0,"channel_type":1,"flags":0}
        """;

    [Fact]
    public async Task RunAsync_NormalSession_IdentifiesWithIntentsHeartbeatsWithLastSequenceAndHandsOnEvents()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.Server.NextConnectionAsync();
        Assert.Equal("/gw", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);

        // A second between beats: under heavy load a late ACK must not look like a zombie connection.
        await connection.HelloAsync(heartbeatIntervalMs: 1000);
        var identify = await connection.ExpectAsync(2);
        Assert.Equal(DiscordTestOptions.Token, identify.GetProperty("token").GetString());
        Assert.Equal(4609, identify.GetProperty("intents").GetInt32());
        Assert.Equal("[0,1]", identify.GetProperty("shard").GetRawText());

        await connection.ReadyAsync();
        await connection.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage);
        var received = await harness.ReceiveUntilAsync(2);

        Assert.Equal(["READY", "MESSAGE_CREATE"], received.Select(d => d.EventName));
        Assert.Equal(FakeGatewayConnection.BotUserId, harness.Client.BotUserId);
        Assert.True(harness.Client.IsConnected);
        await connection.WaitForHeartbeatAsync(beat => beat.GetProperty("d").ValueKind == JsonValueKind.Number && beat.GetProperty("d").GetInt64() == 2);

        // Acknowledged beats keep the connection: several on the same socket, no close.
        await connection.WaitForHeartbeatCountAsync(3);
        Assert.False(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ResumesOnResumeUrlAndHandsOnReplayedEventsExactlyOnce()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage);
        await first.DispatchAsync("MESSAGE_CREATE", 3, DirectMessage);
        await harness.ReceiveUntilAsync(3);

        first.Drop();

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        var resume = await second.ExpectAsync(6);
        Assert.Equal(FakeGatewayConnection.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(3, resume.GetProperty("seq").GetInt64());
        Assert.Equal(DiscordTestOptions.Token, resume.GetProperty("token").GetString());

        // The replay overlaps (3 again) the way a real replay can; 4 and 5 were missed while disconnected.
        await second.DispatchAsync("MESSAGE_CREATE", 3, DirectMessage);
        await second.DispatchAsync("MESSAGE_CREATE", 4, DirectMessage);
        await second.DispatchAsync("MESSAGE_CREATE", 5, DirectMessage);
        await second.ResumedAsync(6);
        var received = await harness.ReceiveUntilAsync(6);

        Assert.Equal([1L, 2, 3, 4, 5, 6], received.Select(d => d.Sequence));
        Assert.Equal("RESUMED", received[^1].EventName);
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_Op7Reconnect_ClosesKeepingTheSessionAndResumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await harness.ReceiveUntilAsync(1);

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
    public async Task RunAsync_Op9Resumable_Resumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await harness.ReceiveUntilAsync(1);

        await first.SendAsync("""{"op":9,"d":true,"s":null,"t":null}""");

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(6);
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_Op9NotResumable_IdentifiesAfreshOnTheGatewayUrl()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await harness.ReceiveUntilAsync(1);

        await first.SendAsync("""{"op":9,"d":false,"s":null,"t":null}""");

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/gw", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(2);
        Assert.Equal(2, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_ResumeRejected_IdentifiesOnTheOriginalUrlAndHandsOnTheNewSessionsEvents()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage);
        await harness.ReceiveUntilAsync(2);
        first.Drop();

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(6);
        await second.SendAsync("""{"op":9,"d":false,"s":null,"t":null}""");

        var third = await harness.Server.NextConnectionAsync();
        Assert.Equal("/gw", third.Path);
        await third.HelloAsync();
        await third.ExpectAsync(2);
        await third.ReadyAsync(1, "session-two");
        await third.DispatchAsync("MESSAGE_CREATE", 2, DirectMessage);
        var received = await harness.ReceiveUntilAsync(4);

        // A new session starts its sequence again; its events must not be mistaken for replays of the old one.
        Assert.Equal(["READY", "MESSAGE_CREATE", "READY", "MESSAGE_CREATE"], received.Select(d => d.EventName));
        Assert.Equal(2, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_HeartbeatNotAcknowledged_TreatsTheConnectionAsZombieAndResumes()
    {
        await using var harness = new GatewayHarness();
        var first = await harness.Server.NextConnectionAsync();
        first.AckHeartbeats = false;
        await first.HelloAsync(heartbeatIntervalMs: 50);
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
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4014, "Privileged Gateway Intents")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4013, "Discord:Intents")]
    public async Task RunAsync_FatalCloseCode_StopsWithAnErrorNamingTheCause(int code, string cause)
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.Server.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);

        await connection.CloseAsync(code);

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => harness.Run.WaitAsync(FakeDiscordServer.Patience));
        Assert.Equal(code, error.CloseCode);
        Assert.False(harness.Client.IsConnected);
        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Theory]
    [InlineData(4000, "/resume", 6)]
    [InlineData(1001, "/resume", 6)]
    [InlineData(4007, "/gw", 2)]
    [InlineData(4009, "/gw", 2)]
    public async Task RunAsync_ReconnectableCloseCode_ResumesOrIdentifiesAsTheCodeRequires(int code, string expectedPath, int expectedOp)
    {
        await using var harness = new GatewayHarness();
        var first = await harness.StartSessionAsync();
        await harness.ReceiveUntilAsync(1);

        await first.CloseAsync(code);

        var second = await harness.Server.NextConnectionAsync();
        Assert.Equal(expectedPath, second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(expectedOp);
    }

    [Fact]
    public async Task RunAsync_ServerAsksForAHeartbeat_AnswersAtOnce()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.StartSessionAsync(heartbeatMs: 60_000);
        await harness.ReceiveUntilAsync(1);

        await connection.SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");

        await connection.WaitForHeartbeatAsync(beat => beat.GetProperty("d").ValueKind == JsonValueKind.Number && beat.GetProperty("d").GetInt64() == 1);
    }

    [Fact]
    public async Task RunAsync_UnknownOpcodesEventsAndSplitFrames_AreReadWithoutLosingTheSession()
    {
        await using var harness = new GatewayHarness();
        var connection = await harness.StartSessionAsync();

        await connection.SendAsync("""{"op":42,"d":{"whatever":true},"s":null,"t":null}""");
        await connection.DispatchAsync("SOMETHING_NEW", 2, "{}");
        var padded = DirectMessage.Replace("\"okay\"", "\"" + new string('x', 40_000) + "\"", StringComparison.Ordinal);
        await connection.SendFragmentedAsync($$"""{"op":0,"s":3,"t":"MESSAGE_CREATE","d":{{padded}}}""", frameSize: 4096);
        var received = await harness.ReceiveUntilAsync(3);

        Assert.Equal(["READY", "SOMETHING_NEW", "MESSAGE_CREATE"], received.Select(d => d.EventName));
        Assert.Equal(40_000, received[2].Data.GetProperty("content").GetString()!.Length);
        Assert.False(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_NoSessionStartsLeft_DoesNotIdentify()
    {
        await using var harness = new GatewayHarness(prepare: server => server.SessionStartsRemaining = 0);

        await harness.Server.WaitForRequestAsync(r => r.Path == "/gateway/bot");

        Assert.Equal(0, harness.Client.IdentifyCount);
    }
}
