using Bot.Core.Commands;
using Bot.Core.Community;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.Community;

public sealed class CommunityFeatureTests
{
    private static readonly ChatAddress Channel = new(Platform.Discord, "channel:500000000000000009");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero); // 08:00 in Berlin

    private readonly InMemoryCommunityStore _store = new();

    private CommunityFeature Feature => new(_store, CommunityCopy.English);

    private static TurnContext Context(ChatAddress chat) => new(
        chat,
        new PersonProfile { Id = Guid.Empty, CreatedAt = Now },
        Conversation.New,
        ReplyMemory.Empty,
        IsNewPerson: false);

    private static readonly ChatAddress TelegramGroup = new(Platform.Telegram, "-100200300");

    private static CommandInput Group(string? text, string? choice = null, string sender = "700", bool admin = true) =>
        CommandInput.From(text, choice) with { Kind = ChatKind.Group, SenderId = sender, SenderIsChatAdmin = admin };

    /// <summary>Decides, then saves the decision's writes to the store, as a turn does.</summary>
    private async Task<TurnDecision> PlanAsync(CommandInput input, ChatAddress? chat = null)
    {
        var decision = await Feature.PlanAsync(Context(chat ?? Channel), input, Now, CancellationToken.None);
        await _store.ApplyAsync(decision.Writes, Now);
        return decision;
    }

    [Fact]
    public void AnswersOnlyGroupInput()
    {
        Assert.Equal(typeof(CommunityFeature), CommandRoutes.Commands.Find(Group("/community setup 1 09:00 UTC"))?.Feature);
        Assert.Equal(typeof(CommunityFeature), CommandRoutes.Commands.Find(Group(null, CommunityFeature.OkayChoiceId))?.Feature);
        Assert.Null(CommandRoutes.Commands.Find(CommandInput.From("/community setup 1 09:00 UTC", null)));
        Assert.Null(CommandRoutes.Commands.Find(CommandInput.From(null, CommunityFeature.OkayChoiceId)));
    }

    [Fact]
    public async Task Setup_StoresTheChannel_AndConfirmsInTheChannel()
    {
        var decision = await PlanAsync(Group("/community setup 500000000000000009 09:00 Europe/Berlin"));

        var channel = Assert.Single(_store.Channels);
        Assert.Equal(new CommunityChannel(Channel, new TimeOnly(9, 0), "Europe/Berlin"), channel.Channel);
        Assert.Null(channel.LastPostedOn); // 09:00 has not come yet today: the first post is today
        var reply = Assert.Single(decision.Outbox);
        Assert.Equal(Channel, reply.Chat);
        Assert.Contains("09:00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", reply.Text, StringComparison.Ordinal);
        Assert.Empty(decision.History);
        Assert.Equal(ScheduleChange.None, decision.Schedule);
    }

    [Theory]
    [InlineData("/community setup 500000000000000009 09:00", nameof(CommunityCopy.MissingTimeOrZone))]
    [InlineData("/community setup 500000000000000009 half-past-nine Europe/Berlin", nameof(CommunityCopy.BadTime))]
    [InlineData("/community setup 500000000000000009 09:00 Atlantis", nameof(CommunityCopy.BadZone))]
    [InlineData("/community", nameof(CommunityCopy.Help))]
    public async Task Setup_WithSomethingWrong_StoresNothing_AndExplainsKindly(string text, string copyName)
    {
        var decision = await PlanAsync(Group(text));

        Assert.Empty(_store.Channels);
        var expected = (string)typeof(CommunityCopy).GetProperty(copyName)!.GetValue(CommunityCopy.English)!;
        Assert.Equal(expected, Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public async Task Stop_RemovesTheChannel_AndSaysSoOnlyWhenThereWasOne()
    {
        await PlanAsync(Group("/community setup 500000000000000009 09:00 Europe/Berlin"));

        var stopped = await PlanAsync(Group("/community stop"));
        var again = await PlanAsync(Group("/community stop"));

        Assert.Empty(_store.Channels);
        Assert.Equal(CommunityCopy.English.Stopped, Assert.Single(stopped.Outbox).Text);
        Assert.Equal(CommunityCopy.English.NotSetUp, Assert.Single(again.Outbox).Text);
    }

    [Fact]
    public async Task Okay_IsCountedOncePerPerson_AndNothingIsSaidInTheChannel()
    {
        await PlanAsync(Group("/community setup 500000000000000009 07:00 Europe/Berlin"));
        var day = _store.Channels.Single().LastPostedOn;

        var first = await PlanAsync(Group(null, CommunityFeature.OkayChoiceId, sender: "701"));
        await PlanAsync(Group(null, CommunityFeature.OkayChoiceId, sender: "701"));
        await PlanAsync(Group(null, CommunityFeature.OkayChoiceId, sender: "702"));

        Assert.Empty(first.Outbox);
        Assert.Equal(2, await _store.CountAnswersAsync(Channel, day!.Value, CancellationToken.None));
    }

    [Fact]
    public async Task Okay_InAChannelWithoutSetup_IsNotCounted()
    {
        var decision = await PlanAsync(Group(null, CommunityFeature.OkayChoiceId));

        Assert.Empty(decision.Outbox);
        Assert.Equal(0, _store.AnswerRows);
    }

    [Fact]
    public async Task OtherGroupCommands_PointToThePrivateChat_WithoutAnythingPersonal()
    {
        var decision = await PlanAsync(Group("/history"), TelegramGroup);

        var reply = Assert.Single(decision.Outbox);
        Assert.Equal(TelegramGroup, reply.Chat);
        Assert.Equal(CommunityCopy.English.GroupHelp, reply.Text);
        Assert.Empty(reply.Choices);
    }

    [Theory]
    [InlineData("/community setup 500000000000000009 09:00 Europe/Berlin")]
    [InlineData("/community stop")]
    [InlineData("/community setup 500000000000000009 09:00")]
    [InlineData("/dailypost")]
    [InlineData("/dailypost 09:00 Europe/Berlin")]
    [InlineData("/stopdailypost")]
    public async Task SetupAndStop_FromSomeoneWhoIsNotAnAdmin_ChangeNothing_AndSaySo(string text)
    {
        await _store.SaveChannelAsync(new CommunityChannel(TelegramGroup, new TimeOnly(6, 0), "UTC"), null, Now, CancellationToken.None);

        var decision = await PlanAsync(Group(text, admin: false), TelegramGroup);

        Assert.Equal(new TimeOnly(6, 0), Assert.Single(_store.Channels).Channel.LocalTime);
        Assert.Equal(CommunityCopy.English.AdminsOnly, Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public async Task DailyPost_ByAnAdmin_PostsAtThisTimeInUtc_ConfirmsAndPostsTheInvitationNow()
    {
        var decision = await PlanAsync(Group("/dailypost"), TelegramGroup);

        var channel = Assert.Single(_store.Channels);
        Assert.Equal(new CommunityChannel(TelegramGroup, new TimeOnly(7, 0), CommunityFeature.DailyPostTimeZone), channel.Channel);
        Assert.Equal(new DateOnly(2026, 11, 24), channel.LastPostedOn); // today is served by the post below
        Assert.Collection(
            decision.Outbox,
            done => Assert.Equal(CommunityCopy.English.DailyPostDone, done.Text),
            post => Assert.Equal((TelegramGroup, (int?)null), (post.Chat, post.CommunityPost!.AnsweredSinceLastPost)));
    }

    [Fact]
    public async Task DailyPost_WithTimeAndZone_StoresThem_AndConfirmsWithoutPostingNow()
    {
        var decision = await PlanAsync(Group("/dailypost 7pm new york"), TelegramGroup);

        Assert.Equal(new CommunityChannel(TelegramGroup, new TimeOnly(19, 0), "America/New_York"), Assert.Single(_store.Channels).Channel);
        var reply = Assert.Single(decision.Outbox);
        Assert.Null(reply.CommunityPost);
        Assert.Contains("19:00 (America/New_York)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyPost_WithSomethingUnreadable_StoresNothing_AndShowsTheTelegramExamples()
    {
        var decision = await PlanAsync(Group("/dailypost whenever Atlantis"), TelegramGroup);

        Assert.Empty(_store.Channels);
        Assert.Equal(CommunityCopy.English.TelegramSetupHelp, Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public async Task StopDailyPost_ByAnAdmin_EndsIt()
    {
        await PlanAsync(Group("/dailypost"), TelegramGroup);

        var decision = await PlanAsync(Group("/stopdailypost"), TelegramGroup);

        Assert.Empty(_store.Channels);
        Assert.Equal(CommunityCopy.English.Stopped, Assert.Single(decision.Outbox).Text);
    }

    [Theory]
    [InlineData("/checkin")]
    [InlineData("/start")]
    public async Task PlainCheckinInAGroup_FromAnyone_AnswersWithTheInvitation(string text)
    {
        var decision = await PlanAsync(Group(text, admin: false), TelegramGroup);

        Assert.NotNull(Assert.Single(decision.Outbox).CommunityPost);
        Assert.Empty(_store.Channels);
    }

    [Fact]
    public async Task Status_FromAnyone_TellsWhatIsSetUp()
    {
        var none = await PlanAsync(Group("/community status", admin: false));
        await PlanAsync(Group("/community setup 500000000000000009 09:00 Europe/Berlin"));
        var some = await PlanAsync(Group("/community status", admin: false));

        Assert.Equal(CommunityCopy.English.NotSetUp, Assert.Single(none.Outbox).Text);
        Assert.Contains("09:00 (Europe/Berlin)", Assert.Single(some.Outbox).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_LoadsEveryLine()
    {
        Assert.All(
            typeof(CommunityCopy).GetProperties().Where(p => p.PropertyType == typeof(string)),
            p => Assert.False(string.IsNullOrWhiteSpace((string?)p.GetValue(CommunityCopy.English))));
    }
}
