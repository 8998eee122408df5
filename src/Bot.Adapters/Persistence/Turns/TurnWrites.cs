using Bot.Core.Persistence;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Applies a decision's <see cref="TurnDecision.Writes"/> inside the turn's transaction, on the turn's context, through
/// the stores that own those rows.
/// </summary>
internal static class TurnWrites
{
    /// <summary>
    /// Writes whose precondition may fail (a code used up, a recap sent by another worker): a decision with one is saved in
    /// a transaction of its own, so that failing it takes back nothing of other people's turns.
    /// </summary>
    public static bool CanBatch(IReadOnlyList<TurnWrite> writes) =>
        writes.All(write => write is not (RedeemLinkCode or AdvanceWeeklyRecap));

    /// <returns>False when a precondition no longer holds: the caller rolls the turn back and reports a conflict.</returns>
    public static async Task<bool> ApplyAsync(BotDbContext db, FreeTextProtector protector, Guid personId, IReadOnlyList<TurnWrite> writes, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var write in writes)
        {
            switch (write)
            {
                case SaveSchedule save:
                    await new EfScheduleStore(db).SaveAsync(personId, save.Schedule, now, ct);
                    break;
                case RequestStepFollowUp:
                    await EfScheduleStore.RequestFollowUpAsync(db, personId, now, ct);
                    break;
                case SetWeeklyRecap recap:
                    await new EfRecapStore(db).SetWeeklyRecapAsync(personId, recap.On, recap.NextAt, ct);
                    break;
                case AdvanceWeeklyRecap advance when !await new EfRecapStore(db).TryAdvanceAsync(personId, now, advance.Next, ct):
                    return false;
                case WithdrawOwnWordsConsent:
                    await EfOwnWordsStore.SetConsentAsync(db, personId, consent: false, now, ct);
                    break;
                case IssueLinkCode issue:
                    await EfLinkStore.IssueAsync(db, personId, issue.CodeHash, now, issue.ExpiresAt, ct);
                    break;
                case RedeemLinkCode redeem when !await EfLinkStore.RedeemAsync(db, redeem.CodeHash, redeem.OwnerId, personId, now, ct):
                    return false;
                case SaveSafetyPlan plan:
                    await new EfSafetyPlanStore(db, protector).SaveAsync(personId, plan.Plan, now, ct);
                    break;
                case DeleteSafetyPlan:
                    await new EfSafetyPlanStore(db, protector).DeleteAsync(personId, ct);
                    break;
                case SaveCommunityChannel channel:
                    await new EfCommunityStore(db, protector).SaveChannelAsync(channel.Channel, channel.PostedOn, now, ct);
                    break;
                case RemoveCommunityChannel remove:
                    await new EfCommunityStore(db, protector).RemoveChannelAsync(remove.Chat, ct);
                    break;
                case RecordCommunityAnswer answer:
                    await new EfCommunityStore(db, protector).RecordAnswerAsync(answer.Chat, answer.Day, answer.SenderId, ct);
                    break;
            }
        }

        return true;
    }
}
