using System.Globalization;
using System.Text;

namespace Broadside.Content;

/// <summary>
/// Normalises a demand's wording so that variants of one demand compare equal: case, white space,
/// quotes and apostrophes, dashes, and opening or closing punctuation (<c>¡Abolir ICE!</c> and
/// <c>abolir ice</c> are one demand).
/// </summary>
public static class DemandText
{
    /// <summary>The comparison key of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            // Quotes and apostrophes of every style are dropped: "Don't" and "Don’t" are the same words.
            if (category is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                || c is '"' or '\'' or '`' or '\u00B4' or '\u02BC')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(category == UnicodeCategory.DashPunctuation || c == '\u2212' ? '-' : char.ToLowerInvariant(c));
        }

        var result = builder.ToString();
        return result.Trim(ClosingPunctuation).Trim();
    }

    private static readonly char[] ClosingPunctuation = ['!', '.', '?', '¡', '¿', '…', ';', ':', ',', ' '];
}
