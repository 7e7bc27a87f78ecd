using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>A version of an article or page in one of the site's languages: its language's code and its path.</summary>
/// <param name="Language">The code of the site's language it is in, as site.yml writes it.</param>
/// <param name="Path">Its path below the site root.</param>
public sealed record TranslationLink(string Language, string Path);

/// <summary>
/// Finds the versions of each article (or page) in the site's languages: those that share a
/// <c>translation_key</c>. Two versions of one key in one language, and versions filed under different
/// sections, are errors that name both files.
/// </summary>
public static class Translations
{
    /// <summary>One article or page, as far as its translations go.</summary>
    /// <param name="Source">Its file, as diagnostics name it.</param>
    /// <param name="Lang">Its <c>lang:</c>; null for the default language.</param>
    /// <param name="Key">Its <c>translation_key:</c>.</param>
    /// <param name="KeyLine">The line of <c>translation_key:</c>.</param>
    /// <param name="Path">Its path below the site root.</param>
    /// <param name="Section">Its section, as written; null for a page.</param>
    public readonly record struct Version(string Source, string? Lang, string Key, int KeyLine, string Path, string? Section);

    /// <summary>
    /// Each version's translations, the versions of its key in the site's other languages in the order of
    /// site.yml's languages, by source file. A version without another is not listed.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<TranslationLink>> Group(IEnumerable<Version> versions, SiteConfig site, DiagnosticBag diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<TranslationLink>>(StringComparer.Ordinal);
        if (!site.Multilingual)
        {
            return result.ToImmutable();
        }

        var order = site.AllLanguages.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var home = site.ForLanguage(site.AllLanguages[0]);
        foreach (var group in versions.GroupBy(v => v.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The versions in the order of the site's languages, the default's first, which the others must
            // agree with; of two in one language, the first by file name is kept and the other reported.
            var kept = new List<(Version Version, SiteLanguage Language)>();
            var ordered = group.Select(v => (Version: v, Language: site.LanguageOf(v.Lang)!))
                .Where(v => v.Language is not null)
                .OrderBy(v => order[v.Language.Code])
                .ThenBy(v => v.Version.Source, StringComparer.Ordinal);
            foreach (var (version, language) in ordered)
            {

                if (kept.FirstOrDefault(k => k.Language == language) is { Version.Source: { } other })
                {
                    diagnostics.Error(
                        DiagnosticCodes.TranslationTwice,
                        $"'{other}' is the {language.Culture.EnglishName} version of '{version.Key}' already: give this file another 'translation_key', or set its 'lang:' to the language it is written in",
                        version.Source,
                        version.KeyLine);
                    continue;
                }

                var first = kept.Count > 0 ? kept[0].Version : (Version?)null;
                if (first is { } earlier && earlier.Section is not null && version.Section is not null
                    && home.SectionName(earlier.Section) != home.SectionName(version.Section))
                {
                    diagnostics.Error(
                        DiagnosticCodes.TranslationMismatch,
                        $"this version of '{version.Key}' is filed under the section '{version.Section}', and '{earlier.Source}' under '{earlier.Section}': file every version of an article under one section (site.yml's 'names:' give a section its name in each language)",
                        version.Source,
                        version.KeyLine);
                }

                kept.Add((version, language));
            }

            if (kept.Count < 2)
            {
                continue;
            }

            var links = kept.Select(k => new TranslationLink(k.Language.Code, k.Version.Path)).ToImmutableArray();
            foreach (var (version, _) in kept)
            {
                result[version.Source] = links;
            }
        }

        return result.ToImmutable();
    }
}
