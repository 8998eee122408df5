using System.Globalization;

namespace Bot.Adapters.Discord.Rest;

/// <summary>The rate-limit headers of one answer, parsed once.</summary>
internal sealed record HttpResponseHeadersView(int? Remaining, TimeSpan? ResetAfter, string? Bucket, bool Global, string? Scope, TimeSpan? RetryAfter, bool HasVia)
{
    public static HttpResponseHeadersView From(HttpResponseMessage response, TimeSpan? bodyRetryAfter)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        static TimeSpan? Seconds(string? value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? TimeSpan.FromSeconds(s) : null;

        var remaining = int.TryParse(Header("X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var retryAfter = (int)response.StatusCode == 429 ? bodyRetryAfter ?? Seconds(Header("Retry-After")) ?? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
        return new HttpResponseHeadersView(
            remaining,
            Seconds(Header("X-RateLimit-Reset-After")),
            Header("X-RateLimit-Bucket"),
            string.Equals(Header("X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Header("X-RateLimit-Scope"),
            retryAfter,
            response.Headers.Contains("Via"));
    }
}
