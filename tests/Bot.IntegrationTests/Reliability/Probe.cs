using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Telegram;
using Bot.IntegrationTests.Faults;
using Bot.Testing.Telegram;
using Npgsql;

namespace Bot.IntegrationTests.Reliability;

/// <summary>
/// The outside probe of issue 16: 2,000 updates from 200 Telegram chats, ten turns each, interleaved the way a busy bot
/// sees them. <see cref="MeasureAsync"/> compares what the fake Bot API received with what the outbox says was committed.
/// </summary>
internal static class Probe
{
    public const int Chats = 200;

    public const long FirstPersonId = 710_000_000;

    /// <summary>One person's ten messages: check-ins answered with moods, free text and resistance.</summary>
    private static readonly string[] Turns =
        ["/checkin", "3", "/checkin", "not today", "/checkin", "tired but here", "/checkin", "4", "/checkin", "2"];

    public static int TotalUpdates => Chats * Turns.Length;

    public static long PersonOf(int chat) => FirstPersonId + chat;

    /// <summary>Update ids 1..2000 (plus <paramref name="idShift"/>), round by round: every chat's first message, then every chat's second, ...</summary>
    public static IEnumerable<JsonObject> Updates(int fromRound = 0, int toRound = int.MaxValue, int idShift = 0)
    {
        for (var round = fromRound; round < Math.Min(toRound, Turns.Length); round++)
        {
            for (var chat = 0; chat < Chats; chat++)
            {
                yield return Testing.Telegram.Updates.Text(1 + idShift + (round * Chats) + chat, Turns[round], PersonOf(chat));
            }
        }
    }

    public static async Task<ProbeReport> MeasureAsync(string database, FakeTelegramBotApi api)
    {
        var committed = await CommittedRepliesAsync(database);
        var received = api.CallsTo("sendMessage")
            .GroupBy(c => FakeTelegramBotApi.Long(c.Body["chat_id"]).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(c => c.Body["text"]!.GetValue<string>()).ToList());

        int sent = 0, doubled = 0, outOfOrder = 0, missing = 0;
        foreach (var (chat, expected) in committed)
        {
            var got = received.GetValueOrDefault(chat) ?? [];
            sent += got.Count;
            var (reached, inOrder) = Walk(expected, got);
            missing += expected.Count - reached;
            doubled += Math.Max(0, got.Count - expected.Count);
            if (!inOrder)
            {
                outOfOrder++;
            }
        }

        return new ProbeReport(
            TotalUpdates,
            Handled: await CountAsync(database, "SELECT count(*) FROM processed_inbound"),
            Unsent: await CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'"),
            Committed: committed.Values.Sum(v => v.Count),
            Sent: sent,
            Doubled: doubled,
            Missing: missing,
            ChatsOutOfOrder: outOfOrder,
            ChatsAnswered: committed.Keys.Count(received.ContainsKey));
    }

    /// <summary>
    /// Follows a chat's received messages along its committed ones. A message may be sent again after a crash, and then so
    /// may the ones after it (a worker resends from the first unmarked row, in order): a step back to an earlier message is
    /// a resend. Anything else that does not follow is out of order.
    /// </summary>
    /// <returns>How far along the committed replies the chat got, and whether it never went out of order.</returns>
    private static (int Reached, bool InOrder) Walk(List<string> expected, List<string> got)
    {
        var next = 0;
        var reached = 0;
        foreach (var text in got)
        {
            if (next < expected.Count && expected[next] == text)
            {
                next++;
            }
            else if (expected.LastIndexOf(text, Math.Max(0, next - 1)) is var back and >= 0)
            {
                next = back + 1;
            }
            else
            {
                return (reached, false);
            }

            reached = Math.Max(reached, next);
        }

        return (reached, true);
    }

    /// <summary>Each chat's replies in the order their turns committed (outbox id order), as Telegram receives their text.</summary>
    private static async Task<Dictionary<string, List<string>>> CommittedRepliesAsync(string database)
    {
        var replies = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT chat_id, payload FROM outbox_messages ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var protector = HostEnvironment.Protector;
        while (await reader.ReadAsync())
        {
            var json = protector.Unprotect(reader.GetFieldValue<byte[]>(1))!;
            var text = JsonDocument.Parse(json).RootElement.GetProperty("text").GetString()!;
            var chat = reader.GetString(0);
            if (!replies.TryGetValue(chat, out var list))
            {
                replies[chat] = list = [];
            }

            list.AddRange(TelegramMessageRenderer.Split(text, TelegramMessageRenderer.MaxMessageLength).Select(TelegramMessageRenderer.EscapeHtml));
        }

        return replies;
    }

    public static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed record ProbeReport(
    int Updates, long Handled, long Unsent, int Committed, int Sent, int Doubled, int Missing, int ChatsOutOfOrder, int ChatsAnswered)
{
    public long Lost => (Updates - Handled) + Unsent + Missing;

    public override string ToString() =>
        $"updates {Updates}, handled {Handled}, replies committed {Committed}, sent {Sent}, lost {Lost}, doubled {Doubled}, chats out of order {ChatsOutOfOrder}, chats answered {ChatsAnswered}";
}
