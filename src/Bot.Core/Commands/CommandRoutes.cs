using Bot.Core.Community;
using Bot.Core.Conversations;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Core.SafetyPlan;
using Bot.Core.Scheduling;
using static Bot.Core.Conversations.Intent;

namespace Bot.Core.Commands;

/// <summary>
/// Who answers what, in order. Crisis language is checked before any row and always goes to the flow. Then the first
/// command row that hears the input answers (a feature, or the flow); a number or label typed for a button on screen is
/// read as that button and routed again. Then a step owned by a feature hears its plain answers. Everything else is the
/// flow's (<see cref="CheckInFlow.Table"/>). Adding a command is one row here, its entry in Content/commands.en.json, and
/// its feature class (registered as an <see cref="ICommandFeature"/> anywhere: the order of registration does not matter).
/// </summary>
public static class CommandRoutes
{
    public static readonly CommandTable Commands = new()
    {
        // heard                                                          answered by                   typed as a word
        { new Heard.Choice(SessionOpenFeature.ChoiceId, ChatKind.Private), typeof(SessionOpenFeature) },
        { new Heard.Command(SafetyPlanFeature.Command),                    typeof(SafetyPlanFeature) },
        { new Heard.Choices("plan:"),                                      typeof(SafetyPlanFeature) },
        { new Heard.Choices("followup:"),                                  typeof(SafetyFollowUpFeature) },
        { new Heard.Command(CountryFeature.Command),                       typeof(CountryFeature) },
        { new Heard.Choices(CountryFeature.ChoicePrefix),                  typeof(CountryFeature) },
        { new Heard.Command("history"),                                    typeof(MoodChartFeature) },
        { new Heard.Command("win"),                                        typeof(WinFeature) },
        { new Heard.Choice(WinFeature.NoteWinChoice),                      typeof(WinFeature) },
        { new Heard.Command("recap"),                                      typeof(WeeklyRecapFeature) },
        { new Heard.Choice(WeeklyRecapFeature.OnChoice),                   typeof(WeeklyRecapFeature) },
        { new Heard.Choice(WeeklyRecapFeature.OffChoice),                  typeof(WeeklyRecapFeature) },
        { new Heard.Command("export"),                                     typeof(ExportFeature) },
        { new Heard.Command("forget"),                                     typeof(ForgetFeature) },
        { new Heard.Choice(ForgetFeature.YesChoice),                       typeof(ForgetFeature) },
        { new Heard.Choice(ForgetFeature.NoChoice),                        typeof(ForgetFeature) },
        { new Heard.Command("link"),                                       typeof(LinkFeature) },
        { new Heard.Command("words"),                                      typeof(OwnWordsFeature) },
        { new Heard.Choice(OwnWordsFeature.ForgetChoice),                  typeof(OwnWordsFeature) },
        { new Heard.Command("settings"),                                   typeof(SettingsFeature) },
        { new Heard.Command("schedule"),                                   typeof(SettingsFeature) },
        { new Heard.Command("timezone"),                                   typeof(SettingsFeature) },
        { new Heard.Command("tz"),                                         typeof(SettingsFeature) },
        { new Heard.Command("days"),                                       typeof(SettingsFeature) },
        { new Heard.Command("window"),                                     typeof(SettingsFeature) },
        { new Heard.Command("quiet"),                                      typeof(SettingsFeature) },
        { new Heard.Command("pause"),                                      typeof(SettingsFeature),      Stop },
        { new Heard.Command("skip"),                                       typeof(SettingsFeature) },
        { new Heard.Command("snooze"),                                     typeof(SettingsFeature) },
        { new Heard.Command("stop"),                                       typeof(SettingsFeature),      Stop },
        { new Heard.Command("resume"),                                     typeof(SettingsFeature),      Intent.Resume },
        { new Heard.Choices(SettingsParser.ChoicePrefix),                  typeof(SettingsFeature) },
        { new Heard.AnyInGroup(),                                          typeof(CommunityFeature) },
        { new Heard.Command("start"),                                                                    Start },
        { new Heard.Command("checkin"),                                                                  CheckIn },
        { new Heard.Command("help"),                                                                     Intent.Help },
        { new Heard.Command("sos"),                                                                      Sos },
    };

    /// <summary>Steps a feature owns: after the command rows, their plain answers (never a command) go to the feature.</summary>
    public static readonly IReadOnlyList<ContinuingRoute> Continuing =
    [
        new(CheckInStep.SafetyPlanning, typeof(SafetyPlanFeature), HearsPastModelRisk: true),
        new(CheckInStep.SafetyAskingFollowUp, typeof(SafetyFollowUpFeature), HearsPastModelRisk: false),
        new(CheckInStep.SafetyFollowUp, typeof(SafetyFollowUpFeature), HearsPastModelRisk: false),
    ];

    /// <summary>Commands the flow itself knows, typed with or without the slash ("/checkin", "check in").</summary>
    public static readonly IReadOnlyDictionary<string, Intent> FlowCommands = Commands
        .Where(r => r.Flow is not null && r.Heard is Heard.Command)
        .ToDictionary(r => ((Heard.Command)r.Heard).Name, r => r.Flow!.Value, StringComparer.OrdinalIgnoreCase);

    public static bool IsFeatureOwned(CheckInStep step) => Continuing.Any(r => r.Step == step);
}
