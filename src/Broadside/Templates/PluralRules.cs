namespace Broadside.Templates;

/// <summary>The kinds of number a language may word differently (CLDR's plural categories).</summary>
public enum PluralCategory
{
    /// <summary>Arabic's 0.</summary>
    Zero,

    /// <summary>1 in most languages; 0 and 1 in French and Brazilian Portuguese.</summary>
    One,

    /// <summary>Arabic's 2.</summary>
    Two,

    /// <summary>Arabic's 3 to 10 (and 103 to 110…).</summary>
    Few,

    /// <summary>Arabic's 11 to 99 (and 111 to 199…); a million, and every whole number of millions, in Spanish, French and Portuguese.</summary>
    Many,

    /// <summary>Every other number; every language has it.</summary>
    Other,
}

/// <summary>
/// Which form of a word a whole number takes in a language: CLDR's cardinal plural rules for whole
/// numbers in English, Spanish, French, Portuguese, German and Arabic, and, for any other language,
/// <see cref="PluralCategory.One"/> for 1 and <see cref="PluralCategory.Other"/> otherwise.
/// </summary>
public static class PluralRules
{
    /// <summary>Every category, in the order string files list them.</summary>
    public static IReadOnlyList<PluralCategory> All { get; } = Enum.GetValues<PluralCategory>();

    /// <summary>The category of <paramref name="count"/> in <paramref name="language"/> (a tag such as <c>pt-PT</c>).</summary>
    public static PluralCategory Of(string language, long count)
    {
        // The sign does not change the form: "-1 article" as "1 article".
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        var millions = n != 0 && n % 1_000_000 == 0;
        return Base(language) switch
        {
            "ar" => Arabic(n),
            "es" => n == 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,

            // French and Brazilian Portuguese say "0 article" as "1 article"; Portugal's Portuguese, as English does.
            "fr" => n <= 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,
            "pt" when IsPortugal(language) => n == 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,
            "pt" => n <= 1 ? PluralCategory.One : millions ? PluralCategory.Many : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The categories whole numbers take in <paramref name="language"/>, <see cref="PluralCategory.Other"/> last.</summary>
    public static IReadOnlyList<PluralCategory> Used(string language) => Base(language) switch
    {
        "ar" => All,
        "es" or "fr" or "pt" => [PluralCategory.One, PluralCategory.Many, PluralCategory.Other],
        _ => [PluralCategory.One, PluralCategory.Other],
    };

    /// <summary>A few numbers of <paramref name="category"/> in <paramref name="language"/>, for messages: "3, 4, 5".</summary>
    public static IEnumerable<long> Examples(string language, PluralCategory category) =>
        Enumerable.Range(0, 200).Select(n => (long)n).Append(1_000_000).Where(n => Of(language, n) == category).Take(3);

    /// <summary>The name of <paramref name="category"/> as string files write it: <c>one</c>, <c>few</c>.</summary>
    public static string Name(PluralCategory category) => category.ToString().ToLowerInvariant();

    // The language of a tag, without its region or script: "pt" of "pt-BR".
    private static string Base(string language)
    {
        var end = language.IndexOfAny(['-', '_']);
        return (end < 0 ? language : language[..end]).ToLowerInvariant();
    }

    private static bool IsPortugal(string language) =>
        language.Length > 3 && language[3..].Split('-', '_').Any(part => part.Equals("PT", StringComparison.OrdinalIgnoreCase));

    private static PluralCategory Arabic(long n)
    {
        var hundreds = n % 100;
        return n switch
        {
            0 => PluralCategory.Zero,
            1 => PluralCategory.One,
            2 => PluralCategory.Two,
            _ when hundreds is >= 3 and <= 10 => PluralCategory.Few,
            _ when hundreds is >= 11 and <= 99 => PluralCategory.Many,
            _ => PluralCategory.Other,
        };
    }
}
