using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadside.Templates;

/// <summary>
/// The theme's words in one language (<see cref="ThemeStrings.For"/>), each key looked up in the
/// language's file, then in those of the languages it falls back to. Numbers put into a wording are
/// written as the language writes them (<c>1,234</c>, <c>1.234</c>, <c>1 234</c>). Safe on any thread.
/// </summary>
public sealed class LanguageStrings
{
    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    internal LanguageStrings(string language, IReadOnlyList<StringFile> chain)
    {
        Language = language;
        Chain = chain;
        Culture = CultureOf(language);
    }

    /// <summary>The English Broadside was built with (a copy of the default theme's <c>i18n/en.yml</c>).</summary>
    public static LanguageStrings English => ThemeStrings.BuiltIn.For(ThemeStrings.English);

    /// <summary>The language, as asked for (<c>pt-BR</c>).</summary>
    public string Language { get; }

    /// <summary>The culture numbers are written in; the invariant culture for a language .NET does not know.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The files a key is looked up in, in order; the English Broadside was built with last.</summary>
    internal IReadOnlyList<StringFile> Chain { get; }

    /// <summary>True when some file this language falls back to has <paramref name="key"/>.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>
    /// The text of <paramref name="key"/>, each <c>{name}</c> in it replaced by the value of
    /// <paramref name="args"/> of that name. Throws, naming the key, when no file has it, when it has a
    /// form for each number (<see cref="Plural"/>), or when it uses a name <paramref name="args"/> lacks.
    /// </summary>
    public string Get(string key, params (string Name, object? Value)[] args) => Compose(key, null, args, null);

    /// <summary>
    /// The form of <paramref name="key"/> that <paramref name="count"/> takes in the language (<see cref="PluralRules"/>),
    /// or its one text when it has no forms, with <c>{count}</c> and the names of <paramref name="args"/> replaced.
    /// </summary>
    public string Plural(string key, long count, params (string Name, object? Value)[] args) => Compose(key, count, args, null);

    /// <summary>The file and wording <paramref name="key"/> is found in, or null.</summary>
    internal FoundString? Find(string key)
    {
        foreach (var file in Chain)
        {
            if (file.Entries.TryGetValue(key, out var entry))
            {
                return new FoundString(file, entry);
            }
        }

        return null;
    }

    /// <summary>
    /// The wording of <paramref name="key"/> with its names replaced; with an <paramref name="encoder"/>, as
    /// HTML: the words and each value escaped, but for <see cref="TrustedHtml"/>, put in as it is.
    /// </summary>
    internal string Compose(string key, long? count, IReadOnlyList<(string Name, object? Value)> args, TextEncoder? encoder)
    {
        var found = Find(key) ?? throw new InvalidOperationException(
            $"the theme has no string '{key}' in any language: add {key}: \"…\" to its {ThemeStrings.Folder}/{ThemeStrings.English}.yml, or correct the key");

        // A language's own words follow its rules; the words of a language it falls back to, that language's.
        var rules = SameLanguage(found.File.Language) ? Language : found.File.Language;
        var culture = rules == Language ? Culture : CultureOf(rules);
        string text;
        if (found.Entry.Forms is { } forms)
        {
            if (count is not { } n)
            {
                throw new InvalidOperationException($"the string '{key}' has a form for each kind of number: give the number as count, as in {{{{ '{key}' | t: count: n }}}}");
            }

            text = forms.GetValueOrDefault(PluralRules.Of(rules, n)) ?? forms[PluralCategory.Other];
        }
        else
        {
            text = found.Entry.Text!;
        }

        var pieces = StringEntry.Pieces(text);
        if (pieces.Length == 1 && pieces[0].Name is null)
        {
            return encoder is null ? text : encoder.Encode(text);
        }

        var result = new StringBuilder(text.Length + 32);
        foreach (var (literal, name) in pieces)
        {
            Append(result, literal, encoder);
            if (name is null)
            {
                continue;
            }

            var index = IndexOf(args, name);
            object? value = index >= 0 ? args[index].Value
                : name == "count" && count is { } c ? c
                : throw new InvalidOperationException($"the string '{key}' of {found.File.Display} has {{{name}}}, which the page does not give: give it ('{key}' | t: {name}: …), or take it out of the wording");
            if (value is TrustedHtml html)
            {
                result.Append(html.Html);
            }
            else
            {
                Append(result, Format(value, culture), encoder);
            }
        }

        return result.ToString();
    }

    // True when a file of 'language' is this language's own: pt.yml for pt-BR.
    private bool SameLanguage(string language) =>
        Language.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (Language.Length > language.Length && Language[language.Length] is '-' or '_' && Language.StartsWith(language, StringComparison.OrdinalIgnoreCase));

    private static int IndexOf(IReadOnlyList<(string Name, object? Value)> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Append(StringBuilder result, string text, TextEncoder? encoder)
    {
        if (text.Length > 0)
        {
            result.Append(encoder is null ? text : encoder.Encode(text));
        }
    }

    // Whole numbers with the language's digit groups; other numbers as the language writes them.
    private static string Format(object? value, CultureInfo culture) => value switch
    {
        null => string.Empty,
        string text => text,
        int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("N0", culture),
        decimal number when number == decimal.Truncate(number) => number.ToString("N0", culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };

    // The culture of a tag, or of the language it starts with, or the invariant culture.
    private static CultureInfo CultureOf(string language) => Cultures.GetOrAdd(language, tag =>
    {
        for (var candidate = tag.Replace('_', '-'); candidate.Length > 0; candidate = candidate.Contains('-', StringComparison.Ordinal) ? candidate[..candidate.LastIndexOf('-')] : string.Empty)
        {
            try
            {
                return CultureInfo.GetCultureInfo(candidate, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                // The language alone, next.
            }
        }

        return CultureInfo.InvariantCulture;
    });
}

/// <summary>HTML a template made (a link, a <c>&lt;time&gt;</c>), put into a wording as it is rather than escaped.</summary>
/// <param name="Html">The HTML.</param>
internal sealed record TrustedHtml(string Html);

/// <summary>Where a key's wording was found.</summary>
/// <param name="File">The file.</param>
/// <param name="Entry">The wording.</param>
internal sealed record FoundString(StringFile File, StringEntry Entry);
