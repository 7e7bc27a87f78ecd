using System.Collections.Concurrent;
using System.Globalization;

namespace Broadside.Templates.Views;

/// <summary>What Open Graph readers (the cards of social networks and messengers) expect in place of a language tag.</summary>
public static class OpenGraph
{
    private static readonly ConcurrentDictionary<string, string> Locales = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The locale of <paramref name="lang"/> in the <c>ll_TT</c> form: the tag's own territory when it has
    /// one (<c>pt-BR</c> is <c>pt_BR</c>), else the language's specific culture (<c>en</c> is
    /// <c>en_US</c>, <c>ar</c> is <c>ar_SA</c>); the tag with <c>_</c> for <c>-</c> when neither is known.
    /// </summary>
    public static string Locale(string lang) => Locales.GetOrAdd(lang, static lang =>
    {
        try
        {
            var name = CultureInfo.CreateSpecificCulture(lang).Name;
            var parts = name.Split('-');
            if (parts.Length >= 2 && parts[0].Length is 2 or 3 && parts[^1].Length == 2)
            {
                return parts[0] + "_" + parts[^1].ToUpperInvariant();
            }
        }
        catch (CultureNotFoundException)
        {
        }

        return lang.Replace('-', '_');
    });
}
