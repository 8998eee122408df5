using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// The rows of the people a turn or a batch already knows, in one statement (PostgreSQL): identity, person, conversation
/// and, for a load, the own words they agreed to keep; for a save the conversations are locked (in person order, so two
/// batches never wait on each other in a circle).
/// </summary>
internal static class KnownPeople
{
    private const string OwnWords = """
        ARRAY(SELECT w.phrase FROM own_words w
              WHERE w.person_id = i.person_id
                AND EXISTS (SELECT 1 FROM history_settings s WHERE s.person_id = i.person_id AND s.keep_own_words)
              ORDER BY w.id)
        """;

    private const string People = """
         JOIN people p ON p.id = i.person_id
         JOIN conversations c ON c.person_id = i.person_id
        """;

    /// <summary>What a turn decides on, own words included; nothing locked.</summary>
    public static NpgsqlBatchCommand ForLoad(IReadOnlyList<TurnRequest> requests) => Command(requests, OwnWords, lockClause: "");

    /// <summary>
    /// The rows a batch checks the decisions' versions against and writes from, the conversations locked until the
    /// transaction ends. Own words are not read (nor decrypted): a save only adds the ones the decision keeps.
    /// </summary>
    public static NpgsqlBatchCommand ForSave(IReadOnlyList<TurnRequest> requests) => Command(requests, "'{}'::bytea[]", lockClause: " FOR UPDATE OF c");

    private static NpgsqlBatchCommand Command(IReadOnlyList<TurnRequest> requests, string ownWords, string lockClause)
    {
        var select = $"""
            SELECT i.id, i.person_id, i.platform, i.external_user_id, i.chat_id, i.reachable, i.created_at,
                   p.created_at, p.locale, p.time_zone, p.country,
                   c.step, c.state_json, c.replies_json, c.updated_at, c.version, {ownWords}
            """;
        var keys = requests.Select(r => (Platform: r.Chat.Platform.ToString(), r.SenderId)).Distinct().ToArray();
        if (keys.Length == 1)
        {
            // One sender (every turn's load) is matched by plain equality: the planner then knows the unique index gives one
            // row and never scans the table, even on statistics taken when the table was small (arrays looked cheap to scan).
            var command = new NpgsqlBatchCommand(select + " FROM platform_identities i" + People + " WHERE i.platform = @platform AND i.external_user_id = @sender" + lockClause);
            command.Parameters.Add(new NpgsqlParameter<string>("platform", NpgsqlDbType.Text) { TypedValue = keys[0].Platform });
            command.Parameters.Add(new NpgsqlParameter<string>("sender", NpgsqlDbType.Text) { TypedValue = keys[0].SenderId });
            return command;
        }

        // Several senders: each looked up by the same index, one at a time (LIMIT 1 keeps the planner from merging the
        // lookup into a join that scans the whole table).
        return UnnestCommand.Command(
            select + """
                 FROM unnest(@platforms, @senders) AS k(platform, sender)
                 JOIN LATERAL (SELECT * FROM platform_identities x WHERE x.platform = k.platform AND x.external_user_id = k.sender LIMIT 1) i ON true
                """ + People + " ORDER BY i.person_id" + lockClause,
            UnnestCommand.Column("platforms", NpgsqlDbType.Text, keys, key => key.Platform),
            UnnestCommand.Column("senders", NpgsqlDbType.Text, keys, key => key.SenderId));
    }

    /// <summary>The rows by (platform, sender), not yet tracked: attach them to the turn that uses them.</summary>
    public static async Task<Dictionary<(Platform, string), LoadedTurn>> ReadAsync(NpgsqlDataReader reader, FreeTextProtector protector, CancellationToken ct)
    {
        var known = new Dictionary<(Platform, string), LoadedTurn>();
        while (await reader.ReadAsync(ct))
        {
            var identity = new PlatformIdentityRow
            {
                Id = reader.GetInt64(0),
                PersonId = reader.GetGuid(1),
                Platform = Enum.Parse<Platform>(reader.GetString(2)),
                ExternalUserId = reader.GetString(3),
                ChatId = reader.GetString(4),
                Reachable = reader.GetBoolean(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            };
            var person = new PersonRow
            {
                Id = identity.PersonId,
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(7),
                Locale = reader.GetString(8),
                TimeZone = reader.IsDBNull(9) ? null : reader.GetString(9),
                Country = reader.IsDBNull(10) ? null : reader.GetString(10),
            };
            var conversation = new ConversationRow
            {
                PersonId = identity.PersonId,
                Step = reader.GetString(11),
                StateJson = reader.GetString(12),
                RepliesJson = reader.GetString(13),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(14),
                Version = reader.GetInt64(15),
            };
            var ownWords = reader.GetFieldValue<byte[][]>(16).Select(phrase => protector.Unprotect(phrase)!).ToArray();
            known[(identity.Platform, identity.ExternalUserId)] = new LoadedTurn(identity, person, conversation, IsNewPerson: false, ownWords);
        }

        return known;
    }
}
