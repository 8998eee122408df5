namespace Bot.Core.History;

/// <summary>The keys of history.en.json; a test checks every key has copy.</summary>
public static class HistoryText
{
    public const string ChartTitle = nameof(ChartTitle);
    public const string ChartEmpty = nameof(ChartEmpty);
    public const string ChartSummary = nameof(ChartSummary);
    public const string MoodOnce = nameof(MoodOnce);
    public const string MoodTimes = nameof(MoodTimes);
    public const string MoodInYourWordsOnce = nameof(MoodInYourWordsOnce);
    public const string MoodInYourWordsTimes = nameof(MoodInYourWordsTimes);
    public const string MoodInYourWordsLatest = nameof(MoodInYourWordsLatest);
    public const string WinKept = nameof(WinKept);
    public const string WinAsk = nameof(WinAsk);
    public const string RecapOffer = nameof(RecapOffer);
    public const string RecapOn = nameof(RecapOn);
    public const string RecapOff = nameof(RecapOff);
    public const string RecapHeader = nameof(RecapHeader);
    public const string RecapCheckIns = nameof(RecapCheckIns);
    public const string RecapCheckInOnce = nameof(RecapCheckInOnce);
    public const string RecapGrounding = nameof(RecapGrounding);
    public const string RecapGroundingOnce = nameof(RecapGroundingOnce);
    public const string RecapSteps = nameof(RecapSteps);
    public const string RecapStepOnce = nameof(RecapStepOnce);
    public const string RecapWinsHeader = nameof(RecapWinsHeader);
    public const string RecapQuiet = nameof(RecapQuiet);
    public const string RecapCloser = nameof(RecapCloser);
    public const string ExportJson = nameof(ExportJson);
    public const string ExportCsv = nameof(ExportCsv);
    public const string ForgetAsk = nameof(ForgetAsk);
    public const string ForgetDone = nameof(ForgetDone);
    public const string ForgetKept = nameof(ForgetKept);
    public const string LinkIssued = nameof(LinkIssued);
    public const string LinkDone = nameof(LinkDone);
    public const string LinkUnknown = nameof(LinkUnknown);
    public const string LinkSame = nameof(LinkSame);
    public const string WordsNone = nameof(WordsNone);
    public const string WordsList = nameof(WordsList);
    public const string WordsForgotten = nameof(WordsForgotten);
    public const string PrivateOnly = nameof(PrivateOnly);

    public const string RecapYes = nameof(RecapYes);
    public const string RecapNo = nameof(RecapNo);
    public const string ForgetYes = nameof(ForgetYes);
    public const string ForgetNo = nameof(ForgetNo);
    public const string WordsForget = nameof(WordsForget);

    public static IReadOnlyList<string> AllTexts { get; } =
    [
        ChartTitle, ChartEmpty, ChartSummary, MoodOnce, MoodTimes, MoodInYourWordsOnce, MoodInYourWordsTimes, MoodInYourWordsLatest, WinKept, WinAsk, RecapOffer, RecapOn, RecapOff,
        RecapHeader, RecapCheckIns, RecapCheckInOnce, RecapGrounding, RecapGroundingOnce, RecapSteps, RecapStepOnce,
        RecapWinsHeader, RecapQuiet, RecapCloser, ExportJson, ExportCsv, ForgetAsk, ForgetDone, ForgetKept, LinkIssued,
        LinkDone, LinkUnknown, LinkSame, WordsNone, WordsList, WordsForgotten, PrivateOnly,
    ];

    public static IReadOnlyList<string> AllChoices { get; } = [RecapYes, RecapNo, ForgetYes, ForgetNo, WordsForget];
}
