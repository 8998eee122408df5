using System.Globalization;
using Bot.Adapters.Discord;
using Bot.Core.Messaging;
using Bot.IntegrationTests.Faults;

namespace Bot.IntegrationTests.BadInput;

public sealed class DiscordBadInputTests
{
    private const string BotUserId = "100000000000000001";
    private const string ChannelId = "600000000000000006";
    private long _nextId = 1310000000000000000;

    [Fact]
    public async Task CorpusOfBadDirectMessages_EachIsAnsweredOrIgnored_AndTheStoreStaysClean()
    {
        await using var store = await PostgresHandlerStore.CreateAsync("discordbad");
        var texts = BadInputCorpus.Texts;
        Assert.True(texts.Count >= 200);
        var people = new HashSet<string>();

        for (var i = 0; i < texts.Count; i++)
        {
            // Six messages a person keeps the flood guard's burst out of the way: slowing is tested elsewhere.
            var author = Person(i / 6);
            var mapped = DiscordEventMapper.Map(Dm(author, texts[i]), BotUserId);
            if (mapped?.Message is not { } message)
            {
                // The adapter drops blank messages itself; anything with characters must reach the Core.
                Assert.True(string.IsNullOrWhiteSpace(texts[i]), $"input {i} was dropped by the mapper");
                continue;
            }

            var outcome = await HandleAndCheckAsync(store, message, texts[i]);
            if (outcome == HandleOutcome.Handled)
            {
                people.Add(author);
            }
        }

        Assert.Equal(people.Count, await HostEnvironment.CountAsync(store.ConnectionString, "SELECT count(*) FROM people"));
        await StoreHygiene.AssertCleanAsync(store.ConnectionString, store.Protector);
    }

    [Fact]
    public async Task EventsThatAreNotAPersonTalking_AreIgnored_ForgedAndOthersButtonsGetOnlyTheExpiredAnswer()
    {
        await using var store = await PostgresHandlerStore.CreateAsync("discordodd");
        var sam = Person(1);
        var kai = Person(2);
        var first = DiscordEventMapper.Map(Dm(sam, "/checkin"), BotUserId)!.Message!;
        Assert.Equal(HandleOutcome.Handled, await store.HandleAsync(first));
        Assert.Equal(HandleOutcome.Duplicate, await store.HandleAsync(first));

        // Updates, deletes and typing never reach the adapter: it listens to MessageReceived and InteractionCreated only.
        var ignored = new[] { Dm(sam, "hello", bot: true), Dm(BotUserId, "I am the bot"), Dm(sam, "@everyone look", guild: true), Dm(sam, "from a webhook") with { FromWebhook = true } };
        foreach (var facts in ignored)
        {
            Assert.Null(DiscordEventMapper.Map(facts, BotUserId)?.Message);
        }

        var stickerOnly = DiscordEventMapper.Map(Dm(sam, ""), BotUserId)?.Message;
        if (stickerOnly is not null)
        {
            Assert.Equal(HandleOutcome.Ignored, await store.HandleAsync(stickerOnly));
        }

        var forged = new[]
        {
            "mood:tired", "v1:forged:mood:tired", "v1::", "", new string('x', 100), "v1:\0\0:mood:heavy", "v2:abc:mood:tired",
            DiscordCustomId.ForPerson(kai, "mood:tired"), DiscordCustomId.ForPerson(sam, "mood:tired").Replace("tired", "crisis", StringComparison.Ordinal),
        };
        foreach (var customId in forged)
        {
            var mapped = DiscordEventMapper.Map(Button(sam, customId), BotUserId);
            Assert.NotNull(mapped);
            if (mapped.Message is { } message)
            {
                // A well-formed id for this person with an unknown choice may reach the Core; it must answer kindly.
                Assert.Equal(HandleOutcome.Handled, await store.HandleAsync(message));
            }
            else
            {
                Assert.Equal(DiscordAnswer.ButtonExpired, mapped.Answer);
            }
        }

        // The same genuine press delivered twice moves the conversation once.
        var press = Button(sam, DiscordCustomId.ForPerson(sam, "mood:tired"));
        var pressed = DiscordEventMapper.Map(press, BotUserId)!.Message!;
        Assert.Equal(HandleOutcome.Handled, await store.HandleAsync(pressed));
        Assert.Equal(HandleOutcome.Duplicate, await store.HandleAsync(pressed));

        Assert.Equal(1, await HostEnvironment.CountAsync(store.ConnectionString, "SELECT count(*) FROM people"));
        await StoreHygiene.AssertCleanAsync(store.ConnectionString, store.Protector);
    }

    [Fact]
    public void EverythingTheBotSends_MentionsNobody_EvenWhenTheTextIsFullOfMentions()
    {
        var text = string.Join(' ', BadInputCorpus.DangerousMarkup);
        var rendered = DiscordMessageRenderer.Render(OutboundMessage.Plain(DiscordChat.Person(Person(1)), text));
        var mentions = DiscordMessageRenderer.NoMentions;

        Assert.Equal(text.Length > DiscordMessageRenderer.MaxContentLength ? DiscordMessageRenderer.MaxContentLength : text.Length, rendered.Content.Length);
        Assert.Equal(Discord.AllowedMentionTypes.None, mentions.AllowedTypes);
        Assert.Empty(mentions.UserIds ?? []);
        Assert.Empty(mentions.RoleIds ?? []);
        Assert.NotEqual(true, mentions.MentionRepliedUser);
    }

    private static async Task<HandleOutcome> HandleAndCheckAsync(PostgresHandlerStore store, InboundMessage message, string text)
    {
        const string outbox = "SELECT count(*) FROM outbox_messages";
        const string processed = "SELECT count(*) FROM processed_inbound";
        var outboxBefore = await HostEnvironment.CountAsync(store.ConnectionString, outbox);
        var processedBefore = await HostEnvironment.CountAsync(store.ConnectionString, processed);

        var outcome = await store.HandleAsync(message);

        var outboxAfter = await HostEnvironment.CountAsync(store.ConnectionString, outbox);
        var processedAfter = await HostEnvironment.CountAsync(store.ConnectionString, processed);
        var label = $"input #{text.Length} chars starting {Uri.EscapeDataString(text[..Math.Min(12, text.Length)])}";
        if (outcome == HandleOutcome.Handled)
        {
            Assert.True(outboxAfter > outboxBefore, $"{label}: handled without an answer");
        }
        else
        {
            Assert.Equal(HandleOutcome.Ignored, outcome);
            Assert.True(Bot.Core.Messaging.InboundText.Clean(text) is null || text.Contains("/checkin@", StringComparison.Ordinal), $"{label}: ignored although it has words");
            Assert.Equal(outboxBefore, outboxAfter);
            Assert.Equal(processedBefore, processedAfter);
        }

        return outcome;
    }

    private static string Person(int index) => (200000000000000000L + index).ToString(CultureInfo.InvariantCulture);

    private DiscordMessageFacts Dm(string authorId, string content, bool bot = false, bool guild = false) => new(
        (++_nextId).ToString(CultureInfo.InvariantCulture), new DiscordUserFacts(authorId, bot), guild ? "700000000000000007" : null, !guild,
        Type: 0, FromWebhook: false, Ephemeral: false, content, new DateTimeOffset(2026, 11, 24, 8, 15, 30, 123, TimeSpan.Zero));

    private DiscordInteractionFacts Button(string userId, string customId) => new(
        DateTimeId(), new DiscordUserFacts(userId, false), GuildId: null, ChannelId, DateTimeOffset.UtcNow, IsComponent: true,
        customId, ButtonMessageId: DateTimeId(), CommandName: null, Options: [], CanManageServer: false);

    /// <summary>A snowflake for now, so buttons are fresh (not expired by age).</summary>
    private string DateTimeId() =>
        ((((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1420070400000UL) << 22) + (ulong)(++_nextId % 4096)).ToString(CultureInfo.InvariantCulture);
}
