using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.History;

public sealed class HistoryFeatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly HistoryCopy Copy = HistoryCopy.English;

    private static TurnContext Context() => new(
        new ChatAddress(Platform.Telegram, "42"),
        new PersonProfile { Id = Guid.NewGuid(), CreatedAt = Now },
        Conversation.New,
        ReplyMemory.Empty,
        IsNewPerson: false);

    [Fact]
    public async Task Win_KeepsTheTextAsFreeText_NotAsAValue()
    {
        var feature = new WinFeature(Copy);
        var input = CommandInput.From("/win   put on my shoes ", null);

        var decision = await feature.PlanAsync(Context(), input, Now, default);

        var entry = Assert.Single(decision.History);
        Assert.Equal(new HistoryEntry(HistoryKinds.Win, "noted", "put on my shoes", Now), entry);
        Assert.Equal(Copy.Text(HistoryText.WinKept), Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public async Task Win_WithoutText_AsksGently_AndKeepsNothing()
    {
        var decision = await new WinFeature(Copy).PlanAsync(Context(), CommandInput.From(null, WinFeature.NoteWinChoice), Now, default);

        Assert.Empty(decision.History);
        Assert.Equal(Copy.Text(HistoryText.WinAsk), Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public async Task Forget_AsksFirst_AndOnlyTheYesButtonForgets()
    {
        var feature = new ForgetFeature(Copy);

        var ask = await feature.PlanAsync(Context(), CommandInput.From("/forget", null), Now, default);
        var no = await feature.PlanAsync(Context(), CommandInput.From(null, ForgetFeature.NoChoice), Now, default);
        var yes = await feature.PlanAsync(Context(), CommandInput.From(null, ForgetFeature.YesChoice), Now, default);

        Assert.False(ask.ForgetPerson);
        Assert.Equal([ForgetFeature.YesChoice, ForgetFeature.NoChoice], Assert.Single(ask.Outbox).Choices.Select(c => c.Id));
        Assert.False(no.ForgetPerson);
        Assert.True(yes.ForgetPerson);
        Assert.Equal(Copy.Text(HistoryText.ForgetDone), Assert.Single(yes.Outbox).Text);
    }

    [Fact]
    public async Task PersonalData_IsNeverShownInAGroup()
    {
        var input = CommandInput.From("/forget", null) with { Kind = ChatKind.Group };

        var decision = await new ForgetFeature(Copy).PlanAsync(Context(), input, Now, default);

        Assert.False(decision.ForgetPerson);
        Assert.Equal(Copy.Text(HistoryText.PrivateOnly), Assert.Single(decision.Outbox).Text);
    }

    [Fact]
    public void ChoiceIds_FitTelegramCallbackData()
    {
        string[] ids = [WinFeature.NoteWinChoice, WeeklyRecapFeature.OnChoice, WeeklyRecapFeature.OffChoice, ForgetFeature.YesChoice, ForgetFeature.NoChoice, OwnWordsFeature.ForgetChoice];

        Assert.All(ids, id => Assert.InRange(System.Text.Encoding.ASCII.GetByteCount(id), 1, 64));
    }

    [Fact]
    public async Task History_AMoodInTheirOwnWords_IsInTheSummary_AndTheWordsStayPrivate()
    {
        var context = Context();
        var history = new FixedHistory(
        [
            new(HistoryKinds.Mood, "steady", null, Now.AddDays(-3)),
            new(HistoryKinds.Mood, MoodScale.OwnWords, "frazzled but okay", Now.AddDays(-1)),
        ]);

        var decision = await new MoodChartFeature(history, new CountingRenderer(), Copy).PlanAsync(context, CommandInput.From("/history", null), Now, default);

        var summary = Assert.Single(decision.Outbox);
        Assert.Contains("steady once, once in your own words", summary.Text, StringComparison.Ordinal);
        Assert.Contains("latest was in your own words", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("frazzled", summary.Text, StringComparison.Ordinal);
        Assert.NotNull(summary.Attachment);
    }

    [Fact]
    public async Task History_OnlyOwnWords_SaysSoInText_WithoutAnEmptyChart()
    {
        var history = new FixedHistory([new(HistoryKinds.Mood, MoodScale.OwnWords, "frazzled but okay", Now.AddDays(-1))]);
        var renderer = new CountingRenderer();

        var decision = await new MoodChartFeature(history, renderer, Copy).PlanAsync(Context(), CommandInput.From("/history", null), Now, default);

        var summary = Assert.Single(decision.Outbox);
        Assert.Contains("once in your own words", summary.Text, StringComparison.Ordinal);
        Assert.Null(summary.Attachment);
        Assert.Equal(0, renderer.Calls);
    }

    private sealed class FixedHistory(IReadOnlyList<HistoryEntry> entries) : IHistoryStore
    {
        public Task<IReadOnlyList<HistoryEntry>> ReadAsync(Guid personId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<HistoryEntry>>(entries.Where(e => e.At >= from && e.At <= to).ToList());

        public Task<int> PurgeOlderThanAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private sealed class CountingRenderer : IMoodChartRenderer
    {
        public int Calls { get; private set; }

        public byte[] RenderPng(MoodChartData data)
        {
            Calls++;
            return [1, 2, 3];
        }
    }
}
