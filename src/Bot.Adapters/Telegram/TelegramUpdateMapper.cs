using System.Globalization;
using Bot.Core.Messaging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Pure translation of one Telegram update. The update_id becomes <see cref="InboundMessage.PlatformMessageId"/>, the key
/// the Core handler dedupes on in the same transaction as the turn.
/// </summary>
public static class TelegramUpdateMapper
{
    /// <summary>Kinds of update the adapter asks Telegram for; anything else is never delivered.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>The deep-link payload of the community post button: t.me/{bot}?start=checkin.</summary>
    public const string CheckInDeepLinkPayload = "checkin";

    public static TelegramInbound Map(Update update, TelegramMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(context);

        if (update.Message is { } message)
        {
            return MapMessage(update.Id, message, context);
        }

        if (update.CallbackQuery is { } query)
        {
            return MapCallbackQuery(update.Id, query, context);
        }

        if (update.MyChatMember is { } member)
        {
            return MapMyChatMember(member);
        }

        // Edited messages, channel posts and everything else carry nothing for a check-in.
        return TelegramInbound.Nothing;
    }

    private static TelegramInbound MapMessage(int updateId, Message message, TelegramMappingContext context)
    {
        if (message.From is not { IsBot: false } sender || message.Text is not { Length: > 0 } text)
        {
            return TelegramInbound.Nothing;
        }

        var chat = Address(message.Chat.Id);
        switch (message.Chat.Type)
        {
            case ChatType.Private:
            {
                var command = ReadCommand(message, text);
                if (command is not null && !IsForThisBot(command.Value.Target, context))
                {
                    return TelegramInbound.Nothing;
                }

                var mapped = command is { } c ? CommandText(c.Name, c.Arguments) : text;
                return AsMessage(updateId, chat, sender, message.Date, mapped, ChatKind.Private);
            }

            case ChatType.Group or ChatType.Supergroup:
            {
                // In a group the bot takes only what is addressed to it: its commands (with what follows them), replies to
                // its messages and mentions of it. The Core reads such text only for a cry for help, answered in private,
                // and otherwise neither keeps nor answers it.
                if (ReadCommand(message, text) is { } command)
                {
                    return IsForThisBot(command.Target, context)
                        ? AsMessage(updateId, chat, sender, message.Date, CommandText(command.Name, command.Arguments), ChatKind.Group)
                        : TelegramInbound.Nothing;
                }

                return IsAddressedToThisBot(message, text, context)
                    ? AsMessage(updateId, chat, sender, message.Date, text, ChatKind.Group)
                    : TelegramInbound.Nothing;
            }

            default:
                return TelegramInbound.Nothing;
        }
    }

    private static TelegramInbound MapCallbackQuery(int updateId, CallbackQuery query, TelegramMappingContext context)
    {
        var message = query.Message;
        if (message is null || query.From.IsBot || message.Chat.Type != ChatType.Private || message.Chat.Id != query.From.Id)
        {
            return Expired(query);
        }

        // Telegram reports messages older than 48 hours as inaccessible (date 0), which lands here too.
        var sentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        if (context.Now - sentAt > context.ButtonLifetime)
        {
            return Expired(query);
        }

        if (!context.CallbackData.TryDecode(query.Data, message.Chat.Id, out var choiceId))
        {
            return Expired(query);
        }

        var inbound = new InboundMessage(
            Address(message.Chat.Id),
            Id(query.From.Id),
            Id(updateId),
            context.Now,
            Text: null,
            ChoiceId: choiceId);
        return new TelegramInbound(TelegramInboundKind.Message, inbound, query.Id, message.Id);
    }

    private static TelegramInbound MapMyChatMember(ChatMemberUpdated update)
    {
        if (update.Chat.Type != ChatType.Private)
        {
            return TelegramInbound.Nothing;
        }

        bool? reachable = update.NewChatMember.Status switch
        {
            ChatMemberStatus.Kicked => false,
            ChatMemberStatus.Member => true,
            _ => null,
        };
        return reachable is null
            ? TelegramInbound.Nothing
            : new TelegramInbound(TelegramInboundKind.ReachabilityChanged, Chat: Address(update.Chat.Id), Reachable: reachable);
    }

    private static TelegramInbound Expired(CallbackQuery query) =>
        new(TelegramInboundKind.ExpiredButton, CallbackQueryId: query.Id);

    private static TelegramInbound AsMessage(int updateId, ChatAddress chat, User sender, DateTime date, string text, ChatKind kind)
    {
        var inbound = new InboundMessage(
            chat,
            Id(sender.Id),
            Id(updateId),
            new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)),
            text,
            ChoiceId: null) { Kind = kind };
        return new TelegramInbound(TelegramInboundKind.Message, inbound);
    }

    private static (string Name, string? Target, string Arguments)? ReadCommand(Message message, string text)
    {
        var entity = message.Entities?.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0);
        if (entity is null || entity.Length < 2 || entity.Length > text.Length)
        {
            return null;
        }

        var token = text[1..entity.Length];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? token : token[..at]).ToLowerInvariant();
        var target = at < 0 ? null : token[(at + 1)..];
        return name.Length == 0 ? null : (name, target, text[entity.Length..].Trim());
    }

    private static bool IsForThisBot(string? target, TelegramMappingContext context) =>
        target is null || context.BotUsername is null || string.Equals(target, context.BotUsername, StringComparison.OrdinalIgnoreCase);

    private static bool IsAddressedToThisBot(Message message, string text, TelegramMappingContext context) =>
        context.BotUsername is { } username
        && (string.Equals(message.ReplyToMessage?.From?.Username, username, StringComparison.OrdinalIgnoreCase)
            || (message.Entities ?? []).Any(e => e.Type == MessageEntityType.Mention
                && e.Offset + e.Length <= text.Length
                && string.Equals(text.Substring(e.Offset, e.Length), "@" + username, StringComparison.OrdinalIgnoreCase)));

    private static string CommandText(string name, string arguments)
    {
        // "/start checkin" is what the community post's deep link produces: it means "check in now".
        if (name == "start" && arguments == CheckInDeepLinkPayload)
        {
            return "/checkin";
        }

        return arguments.Length == 0 ? "/" + name : $"/{name} {arguments}";
    }

    private static ChatAddress Address(long chatId) => new(Platform.Telegram, Id(chatId));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
