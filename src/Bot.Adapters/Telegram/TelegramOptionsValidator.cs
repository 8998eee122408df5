using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Telegram;

/// <summary>Stops start-up on bad Telegram settings, naming the key; never echoes the token itself.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        const string Section = TelegramOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add($"{Section}:BotToken is required when {Section}:Enabled is true (set the environment variable Telegram__BotToken to the token from BotFather).");
        }
        else if (!TokenShape().IsMatch(options.BotToken))
        {
            failures.Add($"{Section}:BotToken is malformed: expected '<bot id>:<secret>' as BotFather prints it (digits, a colon, then letters, digits, _ or -).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var apiBase) || apiBase.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:ApiBaseUrl must be an absolute http(s) URL such as {TelegramOptions.DefaultApiBaseUrl}.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{Section}:Mode must be Polling or Webhook.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                failures.Add($"{Section}:WebhookUrl must be an absolute https URL when {Section}:Mode is Webhook.");
            }

            if (!SecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add($"{Section}:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ or - when {Section}:Mode is Webhook.");
            }
        }

        RequirePositive(failures, options.PollingTimeout, "PollingTimeout", allowZero: true);
        RequirePositive(failures, options.RequestTimeout, "RequestTimeout");
        RequirePositive(failures, options.RetryDelay, "RetryDelay");
        RequirePositive(failures, options.MaxRetryDelay, "MaxRetryDelay");
        RequirePositive(failures, options.ConflictBackoff, "ConflictBackoff");
        RequirePositive(failures, options.LeaseRetryInterval, "LeaseRetryInterval");
        RequirePositive(failures, options.ButtonLifetime, "ButtonLifetime");
        if (options.PollingTimeout > TimeSpan.FromSeconds(100))
        {
            failures.Add($"{Section}:PollingTimeout must be at most 00:01:40.");
        }

        if (options.InboundAttempts is < 1 or > 20)
        {
            failures.Add($"{Section}:InboundAttempts must be between 1 and 20 (tries for one inbound update before it is parked).");
        }

        // More lanes than a batch has updates would never be used.
        if (options.PollingConcurrency is < 1 or > TelegramPollingService.BatchLimit)
        {
            failures.Add($"{Section}:PollingConcurrency must be between 1 and {TelegramPollingService.BatchLimit} (how many chats of one getUpdates batch are handled at once).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string key, bool allowZero = false)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            failures.Add($"{TelegramOptions.SectionName}:{key} must be a positive duration such as 00:00:30.");
        }
    }

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
