using System.Globalization;

namespace Broadside.Content;

/// <summary>
/// Splits a demand as articles write it into its headline, the rallying line that names the demand
/// everywhere, and its explanation, the sentences after it: "ICE out of Minnesota and everywhere! We
/// need bigger, stronger strike action…" is the headline "ICE out of Minnesota and everywhere!" and the
/// rest. The headline is the first sentence, up to the first <c>!</c>, <c>?</c> or <c>.</c> that ends
/// one (not the point of "U.S.", "Dr." or "$170 BILLION."), when it is no longer than
/// <see cref="MaxHeadline"/>; otherwise up to the first break of a clause within that length; otherwise
/// the whole text.
/// </summary>
public static class DemandHeadline
{
    /// <summary>The longest headline, in characters.</summary>
    public const int MaxHeadline = 140;

    // Words a point follows without ending the sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "mt", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
        "gov", "sen", "rep", "gen", "lt", "col", "sgt", "prof", "ave", "blvd", "dept", "univ", "approx", "fig",
        "e.g", "i.e", "art", "sra", "dra", "av", "núm", "pág",
    };

    // Words of an amount ("$170 BILLION."): a point after one ends no headline.
    private static readonly HashSet<string> Amounts = new(StringComparer.OrdinalIgnoreCase)
    {
        "thousand", "million", "billion", "trillion", "percent", "mil", "millones", "billones", "millions", "milliards",
    };

    /// <summary>The headline and the explanation of <paramref name="text"/> (empty when there is none).</summary>
    public static (string Headline, string Explanation) Split(string text)
    {
        var trimmed = text.Trim();
        var end = FirstSentenceEnd(trimmed);
        if (end > 0 && end <= MaxHeadline)
        {
            return (trimmed[..end].TrimEnd(), trimmed[end..].Trim());
        }

        // One sentence within the length is all headline ("Housing for all: no more evictions!").
        if (end < 0 && trimmed.Length <= MaxHeadline)
        {
            return (trimmed, string.Empty);
        }

        // A long first sentence: its first clause, when a clause ends within the length.
        foreach (var mark in new[] { "; ", ": ", " — ", " – " })
        {
            var at = trimmed.IndexOf(mark, StringComparison.Ordinal);
            if (at > 0 && at < MaxHeadline && at + mark.Length < trimmed.Length)
            {
                return (trimmed[..at].TrimEnd(), trimmed[(at + mark.Length)..].Trim());
            }
        }

        return (trimmed, string.Empty);
    }

    // Where the first sentence ends (the index after its last mark and closing quotes), or -1.
    private static int FirstSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('!' or '?' or '.' or '…' or '。' or '！' or '？' or '؟'))
            {
                continue;
            }

            // A run of marks ("!!", "?!", "...") and the quotes and brackets that close with it.
            var end = i + 1;
            while (end < text.Length && (text[end] is '!' or '?' or '.' or '…' || IsClosing(text[end])))
            {
                end++;
            }

            if (end >= text.Length)
            {
                return -1;
            }

            // CJK marks end a sentence with no space after them.
            if (c is '。' or '！' or '？')
            {
                return end;
            }

            if (!char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && end == i + 1 && !EndsSentence(text, i))
            {
                continue;
            }

            return end;
        }

        return -1;
    }

    // Whether the point at `at` ends a sentence: not after an abbreviation, an initial or an amount.
    private static bool EndsSentence(string text, int at)
    {
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var word = text[start..at].Trim('(', '"', '\'', '“', '‘', '«');
        if (word.Length == 0)
        {
            return true;
        }

        // "U.S.", "D.C.", "A." : initials.
        if (word.Length == 1 || word.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        if (Abbreviations.Contains(word) || Amounts.Contains(word))
        {
            return false;
        }

        // "$170." or "5,000." followed by more: an amount, not an end.
        return !word.Any(char.IsDigit);
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '¡' or '¿' or '"' or '“' or '«' or '‘' or '\'' or '(' or '$' or '€' or '£'
        || (char.IsLetter(c) && !char.IsLower(c));

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.ClosePunctuation;
}
