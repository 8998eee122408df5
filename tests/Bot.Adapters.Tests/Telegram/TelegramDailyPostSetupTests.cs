using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Core.Community;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>"/dailypost 09:00 Europe/Berlin" in a group: a validated local time and zone, answered kindly when unreadable.</summary>
public sealed class TelegramDailyPostSetupTests : IAsyncLifetime
{
    private const long AdminId = 424242;
    private const long MemberId = 515151;

    private readonly FakeTelegramBotApi _api = new();
    private readonly RecordingCommunityPostSubscriptions _subscriptions = new();
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api.AdminIds[AdminId] = true;
        _host = new TelegramTestHost(_api, services: s => s.AddSingleton<ICommunityPostSubscriptions>(_subscriptions));
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Assert.Empty(_api.Errors);
    }

    private string LastText() => _api.CallsTo("sendMessage")[^1].Body["text"]!.GetValue<string>();

    [Fact]
    public async Task DailyPostWithTimeAndZone_StoresThem_ConfirmsWithoutPostingNow()
    {
        _api.Enqueue(Updates.GroupText(7000, AdminId, "/dailypost 7pm new york"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 7001 && _api.CallsTo("sendMessage").Count == 1, "the confirmation");
        Assert.Equal(new TimeOnly(19, 0), _subscriptions.Groups[Updates.GroupId]);
        Assert.Equal("America/New_York", _subscriptions.Zones[Updates.GroupId]);
        Assert.Contains("19:00 (America/New_York)", LastText(), StringComparison.Ordinal);
        Assert.Empty(_host.Handler.Calls);
    }

    [Fact]
    public async Task DailyPostWithSomethingUnreadable_StoresNothing_AndShowsExamples()
    {
        _api.Enqueue(Updates.GroupText(7100, AdminId, "/dailypost whenever Atlantis"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 7101 && _api.CallsTo("sendMessage").Count == 1, "the kind help");
        Assert.Empty(_subscriptions.Groups);
        Assert.Equal(CommunityCopy.English.TelegramSetupHelp, LastText());
    }

    [Fact]
    public async Task DailyPostWithArguments_FromANonAdmin_IsRefused()
    {
        _api.Enqueue(Updates.GroupText(7200, MemberId, "/dailypost 09:00 Europe/Berlin"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 7201 && _api.CallsTo("sendMessage").Count == 1, "the refusal");
        Assert.Empty(_subscriptions.Groups);
        Assert.Equal(TelegramCopy.English.CommunitySetup.AdminsOnly, LastText());
    }

    [Fact]
    public async Task OtherGroupCommands_BringTheirWordsToTheCore_WhoseCrisisCheckReadsThem()
    {
        _api.Enqueue(Updates.GroupText(7300, MemberId, "/stopdailypost because I am sad"));
        _api.Enqueue(Updates.GroupText(7301, MemberId, "/help I am sad"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the help command reaches the Core");
        Assert.Equal("/help I am sad", _host.Handler.Calls[0].Text);
    }
}
