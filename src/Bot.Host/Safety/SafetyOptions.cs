namespace Bot.Host.Safety;

public sealed class SafetyOptions
{
    public const string SectionName = "Safety";

    /// <summary>The semantic tier (a local sentence model, about 100 MB of memory). Off only for very small hosts.</summary>
    public bool SemanticModel { get; set; } = true;

    /// <summary>Where the model's weights are unpacked once (default: a folder in the system's temp directory).</summary>
    public string ModelCacheDirectory { get; set; } = "";
}
