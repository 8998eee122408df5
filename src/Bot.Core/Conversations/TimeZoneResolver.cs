namespace Bot.Core.Conversations;

/// <summary>Turns what someone typed into an IANA time zone id: an exact id ("Europe/Berlin"), any casing, or a city ("berlin", "New York").</summary>
public static class TimeZoneResolver
{
    private static readonly Lazy<Dictionary<string, string>> ByName = new(BuildIndex);

    public static bool TryResolve(string? text, out string ianaId)
    {
        ianaId = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var candidate = text.Trim().TrimEnd('.', '!').Replace(' ', '_');
        if (candidate.Equals("utc", StringComparison.OrdinalIgnoreCase) || candidate.Equals("gmt", StringComparison.OrdinalIgnoreCase))
        {
            ianaId = "UTC";
            return true;
        }

        if (ByName.Value.TryGetValue(candidate.ToLowerInvariant(), out var known))
        {
            ianaId = known;
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out var zone))
        {
            if (zone.HasIanaId)
            {
                ianaId = zone.Id;
                return true;
            }

            if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted) && converted is not null)
            {
                ianaId = converted;
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
            if (id is null || !id.Contains('/', StringComparison.Ordinal) || id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                continue;
            }

            index[id.ToLowerInvariant()] = id;
            var city = id[(id.LastIndexOf('/') + 1)..].ToLowerInvariant();
            index.TryAdd(city, id);
        }

        return index;
    }
}
