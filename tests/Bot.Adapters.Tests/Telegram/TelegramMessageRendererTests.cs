using System.Text;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramMessageRendererTests
{
    private static readonly TelegramCallbackData CallbackData = new(FakeTelegramBotApi.Token);
    private static readonly ChatAddress Chat = new(Platform.Telegram, "111222333");

    [Fact]
    public void Render_Choices_BecomeBoundVersionedCallbackDataWithin64Bytes()
    {
        var choices = new[] { "mood:heavy", "mood:tired", "mood:okay", "mood:steady", "mood:bright", "not-today" }
            .Select(id => new ReplyChoice(id, id.Replace("mood:", "", StringComparison.Ordinal)))
            .ToList();

        var rendered = TelegramMessageRenderer.Render(new OutboundMessage(Chat, "How are you?", choices), CallbackData);

        var buttons = rendered.Keyboard!.InlineKeyboard.SelectMany(row => row).ToList();
        Assert.Equal(6, buttons.Count);
        Assert.Equal(2, rendered.Keyboard.InlineKeyboard.Count());
        foreach (var (button, choice) in buttons.Zip(choices))
        {
            Assert.Equal(choice.Label, button.Text);
            Assert.StartsWith("v1:", button.CallbackData, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(button.CallbackData!) <= 64);
            Assert.True(CallbackData.TryDecode(button.CallbackData, 111222333, out var decoded));
            Assert.Equal(choice.Id, decoded);
            Assert.False(CallbackData.TryDecode(button.CallbackData, 999888777, out _));
        }
    }

    [Fact]
    public void Render_ChoiceIdTooLongForCallbackData_IsRefusedRatherThanTruncated()
    {
        var longId = new string('x', TelegramCallbackData.MaxChoiceIdBytes + 1);
        var fits = new string('x', TelegramCallbackData.MaxChoiceIdBytes);

        Assert.Throws<ArgumentException>(() => TelegramMessageRenderer.Render(new OutboundMessage(Chat, "hi", [new ReplyChoice(longId, "x")]), CallbackData));
        var rendered = TelegramMessageRenderer.Render(new OutboundMessage(Chat, "hi", [new ReplyChoice(fits, "x")]), CallbackData);
        Assert.Equal(64, Encoding.UTF8.GetByteCount(rendered.Keyboard!.InlineKeyboard.Single().Single().CallbackData!));
    }

    [Fact]
    public void Render_EchoedText_IsHtmlEscaped()
    {
        var rendered = TelegramMessageRenderer.Render(OutboundMessage.Plain(Chat, "You said: <b>\"tired\" & done</b>"), CallbackData);

        Assert.Equal("You said: &lt;b&gt;&quot;tired&quot; &amp; done&lt;/b&gt;", Assert.Single(rendered.HtmlParts));
        Assert.Null(rendered.Keyboard);
    }

    [Fact]
    public void Render_LongText_IsSplitAt4096WithNothingLost()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"word{i}"));

        var rendered = TelegramMessageRenderer.Render(new OutboundMessage(Chat, words, [new ReplyChoice("ok", "ok")]), CallbackData);

        Assert.True(rendered.HtmlParts.Count >= 3);
        Assert.All(rendered.HtmlParts, p => Assert.InRange(p.Length, 1, TelegramMessageRenderer.MaxMessageLength));
        Assert.Equal(words, string.Join(' ', rendered.HtmlParts));
    }

    [Fact]
    public void Split_NeverBreaksASurrogatePair()
    {
        var text = new string('a', 4095) + "🌱" + "tail";

        var parts = TelegramMessageRenderer.Split(text, 4096);

        Assert.Equal(2, parts.Count);
        Assert.Equal(4095, parts[0].Length);
        Assert.Equal("🌱tail", parts[1]);
    }

    [Fact]
    public void Render_MessageForAnotherPlatform_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            TelegramMessageRenderer.Render(OutboundMessage.Plain(new ChatAddress(Platform.Discord, "42"), "hi"), CallbackData));
    }
}
