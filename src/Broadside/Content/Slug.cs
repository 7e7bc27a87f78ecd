using System.Globalization;
using System.Text;

namespace Broadside.Content;

/// <summary>
/// Turns names into URL segments. A slug is lower case; letters and digits of every script are kept
/// (<c>Grève générale</c> gives <c>grève-générale</c>, <c>Забастовка</c> gives <c>забастовка</c>);
/// apostrophes vanish (<c>women's</c> gives <c>womens</c>); <c>#</c> and <c>+</c> after a letter or
/// digit become words (<c>C#</c> gives <c>c-sharp</c>, <c>C++</c> gives <c>c-plus-plus</c>); every other
/// run of characters (spaces, punctuation, slashes, emoji) becomes one hyphen, never at either end.
/// This mapping is part of every published URL: it must never change.
/// </summary>
public static class Slug
{
    /// <summary>The slug of <paramref name="text"/>; empty when nothing in it can stand in a URL.</summary>
    public static string From(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        var previousWasWord = false;

        void Word(string word)
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(word);
            pendingHyphen = false;
        }

        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || (previousWasWord && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                previousWasWord = true;
            }
            else if (rune.Value is '\'' or '\u2019' or '\u02BC')
            {
                // An apostrophe joins the letters around it.
            }
            else if (rune.Value == '#' && previousWasWord)
            {
                Word("sharp");
            }
            else if (rune.Value == '+' && (previousWasWord || EndsWithWord(builder, "plus")))
            {
                Word("plus");
            }
            else
            {
                pendingHyphen = true;
                previousWasWord = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>The slug of a file name: its name less the extension and any leading <c>YYYY-MM-DD-</c>.</summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.Length >= 10 && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            name = name[10..].TrimStart('-', '_', ' ');
        }

        return From(name);
    }

    private static bool EndsWithWord(StringBuilder builder, string word) =>
        builder.Length >= word.Length && builder.ToString(builder.Length - word.Length, word.Length) == word;
}
