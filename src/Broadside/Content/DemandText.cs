using System.Buffers;
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
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var rented = normalized.Length > 256 ? ArrayPool<char>.Shared.Rent(normalized.Length) : null;
        var buffer = rented is null ? stackalloc char[normalized.Length] : rented.AsSpan(0, normalized.Length);
        var length = 0;
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            // Quotes and apostrophes of every style are dropped: "Don't" and "Don’t" are the same words.
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                || c is '"' or '\'' or '`' or '\u00B4' or '\u02BC')
            {
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = category == UnicodeCategory.DashPunctuation || c == '\u2212' ? '-' : char.ToLowerInvariant(c);
        }

        var result = new string(buffer[..length].Trim(ClosingPunctuation).Trim());
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static readonly char[] ClosingPunctuation = ['!', '.', '?', '¡', '¿', '…', ';', ':', ',', ' '];
}
