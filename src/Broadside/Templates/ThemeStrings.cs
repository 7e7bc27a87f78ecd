using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Templates;

/// <summary>
/// The theme's words in every language it has: <c>i18n/&lt;language&gt;.yml</c> of the theme folder, a
/// map of keys (<c>share_article</c>) to text (<c>"Share this article"</c>), or to a text for each
/// <see cref="PluralCategory"/> (<c>one:</c>, <c>other:</c>…). A translator edits these files alone,
/// never a template. A key a language lacks is taken from the site's default language, then from
/// English: the theme's <c>en.yml</c>, and last the English that Broadside was built with, so modules
/// always have their words.
/// </summary>
public sealed partial class ThemeStrings
{
    /// <summary>The language every theme has words in, whatever else it lacks.</summary>
    public const string English = "en";

    /// <summary>The folder of the theme the files are in.</summary>
    public const string Folder = "i18n";

    private readonly FrozenDictionary<string, StringFile> _files;
    private readonly ConcurrentDictionary<string, LanguageStrings> _languages = new(StringComparer.OrdinalIgnoreCase);

    private ThemeStrings(FrozenDictionary<string, StringFile> files, string defaultLanguage, string displayFolder)
    {
        _files = files;
        DefaultLanguage = defaultLanguage;
        DisplayFolder = displayFolder;
    }

    /// <summary>The site's language, whose words stand in for those another language lacks.</summary>
    public string DefaultLanguage { get; }

    /// <summary>The folder of the string files, as messages show it (<c>theme/i18n</c>).</summary>
    public string DisplayFolder { get; }

    /// <summary>The languages the theme has a file for, by their file names (<c>ar</c>, <c>pt-BR</c>), in order.</summary>
    public IEnumerable<string> Languages => _files.Values.Select(f => f.Language).Order(StringComparer.Ordinal);

    /// <summary>No files at all: the English Broadside was built with, in <c>en</c>.</summary>
    public static ThemeStrings BuiltIn { get; } = new(FrozenDictionary<string, StringFile>.Empty, English, Folder);

    /// <summary>
    /// Reads every <c>i18n/*.yml</c> of <paramref name="themeFolder"/>. A file that cannot be read or parsed, a
    /// name that is not a language tag, a key or value of the wrong form, and a wording that uses a
    /// <c>{name}</c> the default language's does not give, are reported with the file and line
    /// (<see cref="DiagnosticCodes.StringsInvalid"/>, YAML's own codes for syntax). A theme without the
    /// folder has English words only.
    /// </summary>
    /// <param name="themeFolder">The theme folder.</param>
    /// <param name="displayFolder">The theme folder as messages show it.</param>
    /// <param name="defaultLanguage">The site's language (<c>site.yml</c>'s <c>language</c>).</param>
    /// <param name="diagnostics">Where to report.</param>
    public static ThemeStrings Load(string themeFolder, string displayFolder, string defaultLanguage, DiagnosticBag diagnostics)
    {
        var display = displayFolder + "/" + Folder;
        var files = new Dictionary<string, StringFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in ContentFiles.Enumerate(Path.Combine(themeFolder, Folder), "*.yml", root: null, display, diagnostics, hidden: true).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Path.Combine(themeFolder, Folder), path).Replace('\\', '/');
            var fileDisplay = display + "/" + relative;
            var language = Path.GetFileNameWithoutExtension(relative);
            if (relative.Contains('/', StringComparison.Ordinal) || !LanguageTag().IsMatch(language))
            {
                diagnostics.Error(DiagnosticCodes.StringsInvalid, $"a string file is named by the language it holds, such as es.yml or pt-BR.yml, in {display}/ itself: rename it, or move it out of the folder", fileDisplay);
                continue;
            }

            if (files.TryGetValue(language, out var other))
            {
                diagnostics.Error(DiagnosticCodes.StringsInvalid, $"the language '{language}' has two string files, this one and {other.Display}: keep one", fileDisplay);
                continue;
            }

            if (TextFile.Read(path, fileDisplay, diagnostics) is { } bytes)
            {
                files[language] = StringFile.Parse(language, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), fileDisplay, diagnostics);
            }
        }

        var strings = new ThemeStrings(files.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), defaultLanguage, display);
        strings.CheckPlaceholders(diagnostics);
        return strings;
    }

    /// <summary>
    /// The words of <paramref name="language"/>: its own file's, then, for a tag with a region or script,
    /// those of the language alone (<c>pt-BR</c>, then <c>pt</c>), then the default language's, then
    /// English. Made once per language.
    /// </summary>
    public LanguageStrings For(string language) => _languages.GetOrAdd(language, l => new LanguageStrings(l, Chain(l)));

    /// <summary>True when some language has <paramref name="key"/>, the English Broadside was built with included.</summary>
    public bool Has(string key) => _files.Values.Any(f => f.Entries.ContainsKey(key)) || StringFile.BuiltIn.Entries.ContainsKey(key);

    /// <summary>
    /// Each key that <paramref name="languages"/> lack and another of the theme's files has: a language
    /// without a file of its own (or of the language its tag starts with) lacks every key. These pages
    /// show the default language's words, or English.
    /// </summary>
    public IEnumerable<(string Language, string Key)> Missing(IEnumerable<string> languages)
    {
        var keys = AllKeys();
        foreach (var language in Distinct(languages))
        {
            var own = Own(language);
            foreach (var key in keys.Where(k => !own.Any(f => f.Entries.ContainsKey(k))))
            {
                yield return (language, key);
            }
        }
    }

    /// <summary>
    /// Warns (<see cref="DiagnosticCodes.StringMissing"/>) of each key <paramref name="languages"/> lack
    /// (<see cref="Missing"/>), at the line of their file where it would go, after the key that comes
    /// before it in the default language's file; of a language with no file, once; and of a plural form a
    /// language uses and a key of its file lacks, at the key.
    /// </summary>
    public void ReportMissing(IEnumerable<string> languages, DiagnosticBag diagnostics)
    {
        var order = AllKeys();
        foreach (var group in Missing(languages).GroupBy(m => m.Language, StringComparer.OrdinalIgnoreCase))
        {
            var language = group.Key;
            var own = Own(language);
            var strings = For(language);
            if (own.Any(f => !f.Parsed))
            {
                // Its YAML error is reported: what it lacks follows from that.
                continue;
            }

            if (own.Count == 0)
            {
                diagnostics.Warning(
                    DiagnosticCodes.StringMissing,
                    $"the theme has no words in '{language}': its pages show those of {strings.Chain[0].Display}; add {DisplayFolder}/{language}.yml with the keys of {Reference().Display}",
                    DisplayFolder);
                continue;
            }

            var file = own[0];
            foreach (var (_, key) in group)
            {
                var shown = strings.Find(key);
                var wording = shown is null ? string.Empty : $" (“{Shorten(shown.Entry.Wordings.First())}”)";
                diagnostics.Warning(
                    DiagnosticCodes.StringMissing,
                    $"'{key}' is missing: pages in {language} show the words of {shown?.File.Display ?? "no file"}{wording}; add {key}: \"…\" here",
                    file.Display,
                    file.LineFor(key, order));
            }
        }

        foreach (var language in Distinct(languages))
        {
            foreach (var file in Own(language))
            {
                ReportForms(language, file, diagnostics);
            }
        }
    }

    // The files of a language and of the languages its tag starts with: pt-BR.yml, pt.yml.
    private List<StringFile> Own(string language) =>
        [.. Parents(language).Select(l => _files.GetValueOrDefault(l)).OfType<StringFile>()];

    // What a language's words are looked up in, most specific first, each file once.
    private List<StringFile> Chain(string language)
    {
        var chain = new List<StringFile>();
        foreach (var tag in Parents(language).Concat(Parents(DefaultLanguage)).Append(English))
        {
            if (_files.TryGetValue(tag, out var file) && !chain.Contains(file))
            {
                chain.Add(file);
            }
        }

        chain.Add(StringFile.BuiltIn);
        return chain;
    }

    // The file a wording is checked against: the default language's, else English.
    private StringFile Reference() => Chain(DefaultLanguage)[0];

    // Every key of the theme's files: the default language's in their order, then the others'.
    private List<string> AllKeys()
    {
        var files = Chain(DefaultLanguage).Where(f => f != StringFile.BuiltIn).Concat(_files.Values.OrderBy(f => f.Language, StringComparer.Ordinal));
        return [.. files.SelectMany(f => f.Keys).Distinct(StringComparer.Ordinal)];
    }

    // A plural key of a language's file that lacks a form the language uses.
    private static void ReportForms(string language, StringFile file, DiagnosticBag diagnostics)
    {
        foreach (var key in file.Keys)
        {
            var entry = file.Entries[key];
            if (entry.Forms is not { } forms)
            {
                continue;
            }

            foreach (var category in PluralRules.Used(language).Where(c => !forms.ContainsKey(c)))
            {
                var examples = string.Join(", ", PluralRules.Examples(language, category).Select(n => n.ToString(CultureInfo.InvariantCulture)));
                diagnostics.Warning(
                    DiagnosticCodes.StringMissing,
                    $"'{key}' has no '{PluralRules.Name(category)}' form, which {language} uses for {examples}…: those numbers get the 'other' form; add {PluralRules.Name(category)}: \"…\"",
                    file.Display,
                    entry.Line);
            }
        }
    }

    // Each wording may use only the {names} the default language's wording of its key gives (and {count}).
    private void CheckPlaceholders(DiagnosticBag diagnostics)
    {
        var reference = For(DefaultLanguage);
        foreach (var file in _files.Values)
        {
            foreach (var key in file.Keys)
            {
                var entry = file.Entries[key];
                if (reference.Find(key) is not { } known || known.Entry == entry)
                {
                    continue;
                }

                var allowed = known.Entry.Placeholders.Append("count").ToHashSet(StringComparer.Ordinal);
                foreach (var name in entry.Placeholders.Where(n => !allowed.Contains(n)))
                {
                    var hint = NearestName.Find(name, known.Entry.Placeholders) is { } near ? $"did you mean {{{near}}}? " : string.Empty;
                    var given = known.Entry.Placeholders.Count == 0 ? "none" : string.Join(", ", known.Entry.Placeholders.Select(p => "{" + p + "}"));
                    diagnostics.Error(
                        DiagnosticCodes.StringsInvalid,
                        $"'{key}' uses {{{name}}}, which pages do not give: {hint}{known.File.Display} has {given}; keep the names between braces as they are",
                        file.Display,
                        entry.Line);
                }
            }
        }
    }

    // The tag and those it starts with: zh-Hant-TW, zh-Hant, zh.
    private static IEnumerable<string> Parents(string language)
    {
        var tag = language.Replace('_', '-');
        while (tag.Length > 0)
        {
            yield return tag;
            var cut = tag.LastIndexOf('-');
            tag = cut < 0 ? string.Empty : tag[..cut];
        }
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> languages) =>
        languages.Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "…" : text;

    [GeneratedRegex(@"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
