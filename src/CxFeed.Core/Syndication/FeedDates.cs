using System.Globalization;

namespace CxFeed.Core.Syndication;

/// <summary>
/// The one place where feed dates become text: in the site's time zone, with the offset in force
/// at that instant (daylight saving time included), whole seconds, invariant culture.
/// </summary>
public sealed class FeedDates(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>RFC 822 as RSS 2.0 wants it, with a four-digit year and a numeric offset: <c>Tue, 08 Jun 2021 08:30:00 -0500</c>.</summary>
    public string Rfc822(DateTimeOffset instant)
    {
        var local = InZone(instant);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + magnitude.Hours.ToString("00", CultureInfo.InvariantCulture) + magnitude.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 3339 as Atom and JSON Feed want it: <c>2021-06-08T08:30:00-05:00</c>.</summary>
    public string Rfc3339(DateTimeOffset instant) =>
        InZone(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The instant as the site's clocks showed it, truncated to whole seconds (no feed format carries fractions everywhere).</summary>
    public DateTimeOffset InZone(DateTimeOffset instant)
    {
        var seconds = new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(seconds, Zone);
    }
}
