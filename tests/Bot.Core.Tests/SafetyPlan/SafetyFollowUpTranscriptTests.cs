using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class SafetyFollowUpTranscriptTests
{
    private static SafetyPlanCopy Copy => SafetyChat.Copy;

    private static async Task<SafetyChat> AfterCrisis(string answer)
    {
        var chat = new SafetyChat(country: "GB", timeZone: "Europe/London", checkInTime: "19:00");
        chat.At(23, 21);
        await chat.User("I want to kill myself");
        await chat.Press("safe");
        await chat.User("leave it here");
        await chat.Press(answer);
        return chat;
    }

    [Fact]
    public async Task Yes_OneFollowUpNextDayAtTheUsualTime_WithFourButtons()
    {
        var chat = await AfterCrisis("followup:yes");

        var due = new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero);
        Assert.Equal(due, chat.Store.Last.SafetyFollowUp!.DueAt);
        Assert.Contains("19:00", chat.SaidText, StringComparison.Ordinal);

        chat.At(24, 18);
        await chat.FollowUpJob();
        Assert.Empty(chat.Said);

        chat.At(24, 19);
        await chat.FollowUpJob();
        Assert.Equal(Copy.Text("followUp"), chat.Said.Single().Text);
        Assert.Equal(["followup:better", "followup:same", "followup:worse", "followup:quiet"], chat.Buttons);
        Assert.Equal(DeliveryLane.Scheduled, chat.Store.Last.Lane);
        Assert.True(chat.Store.Last.SafetyFollowUp!.Cancel);

        await chat.Press("followup:better");
        Assert.Equal(CheckInStep.Closed, chat.Step);

        chat.At(25, 19);
        await chat.FollowUpJob();
        Assert.Empty(chat.Said);
    }

    [Fact]
    public async Task No_NoFollowUpComes()
    {
        var chat = await AfterCrisis("followup:no");

        Assert.Null(chat.Store.Last.SafetyFollowUp);
        Assert.Null(chat.Store.Conversation.SafetyFollowUpAt);
        chat.At(24, 19);
        await chat.FollowUpJob();
        Assert.Empty(chat.Said);
    }

    [Fact]
    public async Task Worse_GoesBackToTheDirectCheck_WithAHumanRoute()
    {
        var chat = await AfterCrisis("followup:yes");
        chat.At(24, 19);
        await chat.FollowUpJob();

        await chat.Press("followup:worse");

        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
        Assert.Contains(chat.Store.Last.History, h => h.Kind == "safety" && h.Value == "direct-check");
        Assert.Contains("Samaritans", chat.SaidText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedAnswers_AreUnderstood()
    {
        var chat = await AfterCrisis("followup:yes");
        chat.At(24, 19);
        await chat.FollowUpJob();

        await chat.User("about the same really");

        Assert.Contains(Copy.Text("followUpSame", chat.Store.Person), chat.SaidText, StringComparison.Ordinal);
        Assert.Equal(CheckInStep.Closed, chat.Step);
    }

    [Fact]
    public async Task ScheduledCheckIns_RestFor24Hours_ExceptTheFollowUp_ThenResume()
    {
        var chat = await AfterCrisis("followup:yes");
        var crisis = chat.Store.Decisions.First(d => d.SafetyPauseUntil is not null);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero), crisis.SafetyPauseUntil);

        chat.At(24, 19);
        await chat.ScheduledCheckIn();
        Assert.Empty(chat.Said);

        await chat.FollowUpJob();
        Assert.Equal(Copy.Text("followUp"), chat.Said.Single().Text);
        await chat.Press("followup:same");

        chat.At(24, 20);
        await chat.ScheduledCheckIn();
        Assert.Empty(chat.Said);

        chat.At(25, 19);
        await chat.ScheduledCheckIn();
        Assert.Equal(CheckInStep.Opened, chat.Step);
        Assert.NotEmpty(chat.Said);
    }

    [Fact]
    public async Task NotSafe_PressedLateOnAnOldMessage_StillGetsTheCrisisResponse()
    {
        var chat = new SafetyChat(country: "GB");
        await chat.User("I want to kill myself");
        await chat.Press("safe");
        await chat.User("leave it here");
        Assert.Equal(CheckInStep.SafetyAskingFollowUp, chat.Step);

        await chat.Press("not-safe");

        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
        Assert.Contains("116 123", chat.SaidText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneNew_InCrisis_IsAnsweredAsInCrisis_NotWelcomed_AndAskedAboutTomorrow()
    {
        var chat = new SafetyChat(country: "GB");
        chat.Store.Reset(new Conversation());

        await chat.User("I want to kill myself");
        await chat.Press("safe");
        Assert.Equal(CheckInStep.SafetyHold, chat.Step);

        await chat.User("leave it here");
        Assert.Equal(CheckInStep.SafetyAskingFollowUp, chat.Step);
    }

    [Fact]
    public async Task ChoosingACheckInDuringTheRest_EndsIt()
    {
        var chat = new SafetyChat(country: "GB");
        chat.At(23, 21);
        await chat.User("I want to kill myself");
        Assert.Equal(chat.Clock.GetUtcNow().AddHours(24), chat.Store.Last.SafetyPauseUntil);

        chat.At(23, 22);
        await chat.User("/checkin");

        Assert.Equal(CheckInStep.Opened, chat.Step);
        Assert.Equal(chat.Clock.GetUtcNow(), chat.Store.Last.SafetyPauseUntil);
    }

    [Fact]
    public async Task AStaleStoredFollowUp_IsCleared_WhenTheConversationNoLongerWantsIt()
    {
        var chat = new SafetyChat(country: "GB");
        chat.At(24, 19);

        await chat.FollowUpJob();

        Assert.Empty(chat.Said);
        Assert.True(chat.Store.Last.SafetyFollowUp!.Cancel);
    }

    [Fact]
    public async Task SomeoneInACheckInWhenTheFollowUpIsDue_IsNotInterrupted()
    {
        var chat = await AfterCrisis("followup:yes");
        chat.At(24, 18);
        await chat.User("/checkin");
        Assert.Equal(CheckInStep.Opened, chat.Step);

        chat.At(24, 19);
        await chat.FollowUpJob();

        Assert.Empty(chat.Said);
        Assert.Equal(CheckInStep.Opened, chat.Step);
        Assert.True(chat.Store.Last.SafetyFollowUp!.Cancel);
    }
}
