using System.Globalization;

namespace Broadside.Content;

/// <summary>Parses front matter dates: <c>YYYY-MM-DD</c>, or ISO 8601 date-times with or without an offset.</summary>
public static class DateParser
{
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    private static readonly string[] Local =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>
    /// Parses <paramref name="text"/>. A date or date-time without an offset is a time in
    /// <paramref name="zone"/>; a bare date is midnight there.
    /// </summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        // RFC 3339 allows lower-case 't' and 'z'; nothing else in a date is a letter.
        text = text.Trim().ToUpperInvariant();
        var culture = CultureInfo.InvariantCulture;
        if (text.Length > 10 && (text.EndsWith('Z') || HasOffset(text))
            && DateTimeOffset.TryParseExact(text, WithOffset, culture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, Local, culture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            value = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
            return true;
        }

        value = default;
        return false;
    }

    private static bool HasOffset(string text)
    {
        // An offset is "+hh:mm" or "-hh:mm" after the time part; the date's own dashes come earlier.
        var time = text.IndexOfAny(['T', ' ']);
        return time > 0 && text.AsSpan(time).IndexOfAny('+', '-') > 0;
    }
}
