using Bot.Core.Community;
using Bot.Core.Messaging;
using Bot.Core.SafetyPlan;
using Bot.Core.Scheduling;

namespace Bot.Core.Persistence;

/// <summary>
/// A change a turn asks for besides its conversation, history and outbox: data, saved with the rest of the turn in one
/// transaction. Features read their stores while deciding and never write them; they return these instead.
/// </summary>
public abstract record TurnWrite;

/// <summary>The person's check-in schedule, whole, as the settings left it.</summary>
public sealed record SaveSchedule(CheckInSchedule Schedule) : TurnWrite;

/// <summary>A small step was chosen: the schedule notes it, and the dispatcher decides whether a gentle follow-up fits.</summary>
public sealed record RequestStepFollowUp : TurnWrite;

/// <summary>The weekly recap turned on (first one at <paramref name="NextAt"/>) or off.</summary>
public sealed record SetWeeklyRecap(bool On, DateTimeOffset NextAt) : TurnWrite;

/// <summary>
/// A due recap claimed: it moves to <paramref name="Next"/>. Precondition: it is still due (no other worker sent it), else
/// the save is a conflict.
/// </summary>
public sealed record AdvanceWeeklyRecap(DateTimeOffset Next) : TurnWrite;

/// <summary>Consent to keep the person's own words withdrawn: every kept phrase goes with it.</summary>
public sealed record WithdrawOwnWordsConsent : TurnWrite;

/// <summary>A one-time link code (its hash), replacing any earlier one of the person's.</summary>
public sealed record IssueLinkCode(string CodeHash, DateTimeOffset ExpiresAt) : TurnWrite;

/// <summary>
/// A link code redeemed: its owner <paramref name="OwnerId"/> is merged into the person. Precondition: the code is still
/// valid and still that owner's, else the save is a conflict (the turn decides again and finds it gone).
/// </summary>
public sealed record RedeemLinkCode(string CodeHash, Guid OwnerId) : TurnWrite;

public sealed record SaveSafetyPlan(PersonalSafetyPlan Plan) : TurnWrite;

public sealed record DeleteSafetyPlan : TurnWrite;

/// <summary>A shared channel's daily check-in set up or changed; <paramref name="PostedOn"/> is the day counted as served.</summary>
public sealed record SaveCommunityChannel(CommunityChannel Channel, DateOnly? PostedOn) : TurnWrite;

public sealed record RemoveCommunityChannel(ChatAddress Chat) : TurnWrite;

/// <summary>Someone in the channel answered the day's post (counted once per person, never who).</summary>
public sealed record RecordCommunityAnswer(ChatAddress Chat, DateOnly Day, string SenderId) : TurnWrite;
