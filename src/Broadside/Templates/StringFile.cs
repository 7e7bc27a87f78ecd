using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Templates;

/// <summary>One language's string file (<c>i18n/es.yml</c>), as <see cref="ThemeStrings"/> reads it.</summary>
internal sealed partial class StringFile
{
    private StringFile(string language, string display, FrozenDictionary<string, StringEntry> entries, IReadOnlyList<string> keys, bool parsed)
    {
        Parsed = parsed;
        Language = language;
        Display = display;
        Entries = entries;
        Keys = keys;
    }

    /// <summary>The language, as the file is named: <c>es</c>, <c>pt-BR</c>.</summary>
    public string Language { get; }

    /// <summary>The file, as messages show it.</summary>
    public string Display { get; }

    /// <summary>The wordings, by key.</summary>
    public FrozenDictionary<string, StringEntry> Entries { get; }

    /// <summary>The keys, in the order written.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>False when the file is not YAML at all: it has no keys, and what it lacks is not reported.</summary>
    public bool Parsed { get; }

    /// <summary>The English Broadside was built with: a copy of the default theme's <c>i18n/en.yml</c>.</summary>
    public static StringFile BuiltIn { get; } = ReadBuiltIn();

    /// <summary>
    /// Reads <paramref name="text"/>; what is not a key of lower-case words joined by <c>_</c> with a text, or
    /// with a text for each plural category (<c>other</c> among them), is reported and left out.
    /// </summary>
    public static StringFile Parse(string language, string text, string display, DiagnosticBag diagnostics)
    {
        var entries = new Dictionary<string, StringEntry>(StringComparer.Ordinal);
        var keys = new List<string>();
        var root = YamlLoader.Load(text, display, 0, diagnostics);
        switch (root)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key } || !KeyPattern().IsMatch(key))
                    {
                        Report(diagnostics, display, keyNode, $"'{Describe(keyNode)}' is not a key: keys are lower-case words joined by '_', such as share_article");
                    }
                    else if (Entry(keyNode, value, key, display, diagnostics) is { } entry)
                    {
                        entries[key] = entry;
                        keys.Add(key);
                    }
                }

                break;
            case null:
            case YamlScalarNode scalar when YamlMap.IsNull(scalar):
                break;
            default:
                Report(diagnostics, display, root, $"a string file is a list of 'key: \"text\"' lines, not {YamlMap.Describe(root)}");
                break;
        }

        return new StringFile(language, display, entries.ToFrozenDictionary(StringComparer.Ordinal), keys, parsed: root is not null);
    }

    /// <summary>
    /// The line a missing <paramref name="key"/> would be added at: after the last key of this file that
    /// comes before it in <paramref name="order"/>, else before the file's first key.
    /// </summary>
    public int LineFor(string key, IReadOnlyList<string> order)
    {
        var before = order.TakeWhile(k => k != key).LastOrDefault(Entries.ContainsKey);
        return before is not null ? Entries[before].EndLine + 1 : Keys.Count > 0 ? Entries[Keys[0]].Line : 1;
    }

    // A key's text, or its text for each plural category.
    private static StringEntry? Entry(YamlNode keyNode, YamlNode value, string key, string display, DiagnosticBag diagnostics)
    {
        var line = (int)keyNode.Start.Line;
        var end = value is YamlMappingNode mapping ? mapping.Children.Values.Select(LastLine).DefaultIfEmpty(line).Max() : LastLine(value);
        switch (value)
        {
            case YamlScalarNode scalar when !YamlMap.IsNull(scalar):
                return new StringEntry(scalar.Value ?? string.Empty, null, line, end);
            case YamlMappingNode forms:
                var texts = new Dictionary<PluralCategory, string>();
                foreach (var (formNode, form) in forms.Children)
                {
                    var name = (formNode as YamlScalarNode)?.Value ?? string.Empty;
                    var category = PluralRules.All.Select(c => (PluralCategory?)c).FirstOrDefault(c => PluralRules.Name(c!.Value) == name);
                    if (category is null)
                    {
                        Report(diagnostics, display, formNode, $"'{key}' has a form '{name}', which is not a kind of number: write zero, one, two, few, many or other");
                    }
                    else if (form is not YamlScalarNode formText || YamlMap.IsNull(formText))
                    {
                        Report(diagnostics, display, form, $"the '{name}' form of '{key}' must be a text in quotes");
                    }
                    else
                    {
                        texts[category.Value] = formText.Value ?? string.Empty;
                    }
                }

                if (!texts.ContainsKey(PluralCategory.Other))
                {
                    Report(diagnostics, display, keyNode, $"'{key}' has forms for kinds of number but no 'other', which every language needs: add other: \"…\"");
                    return null;
                }

                return new StringEntry(null, texts.ToFrozenDictionary(), line, end);
            default:
                Report(diagnostics, display, value, $"'{key}' must be a text in quotes, or a text for each kind of number (one:, other:), not {(value is YamlScalarNode ? "empty" : YamlMap.Describe(value))}");
                return null;
        }
    }

    // The last line a value is written on: a text over several lines ends where the next line starts.
    private static int LastLine(YamlNode value) =>
        value.End.Column == 1 && value.End.Line > value.Start.Line ? (int)value.End.Line - 1 : (int)value.End.Line;

    private static void Report(DiagnosticBag diagnostics, string display, YamlNode node, string message) =>
        diagnostics.Error(DiagnosticCodes.StringsInvalid, message, display, (int)node.Start.Line, (int)node.Start.Column);

    private static string Describe(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : YamlMap.Describe(node);

    private static StringFile ReadBuiltIn()
    {
        using var stream = typeof(StringFile).Assembly.GetManifestResourceStream("Broadside.Templates.en.yml")
            ?? throw new InvalidOperationException("Broadside was built without its English strings (Broadside.Templates.en.yml)");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        var file = Parse(ThemeStrings.English, reader.ReadToEnd(), "(built in)/" + ThemeStrings.Folder + "/en.yml", diagnostics);
        return diagnostics.HasErrors
            ? throw new InvalidOperationException($"Broadside's own English strings are invalid: {diagnostics.ToImmutableSorted()[0]}")
            : file;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}

/// <summary>One key's wording in one language: a text, or a text for each plural category.</summary>
/// <param name="Text">The text; null when the wording has <paramref name="Forms"/>.</param>
/// <param name="Forms">The text for each plural category, <see cref="PluralCategory.Other"/> among them; or null.</param>
/// <param name="Line">The line of the file the wording starts at.</param>
/// <param name="EndLine">The line it ends at.</param>
internal sealed partial record StringEntry(string? Text, FrozenDictionary<PluralCategory, string>? Forms, int Line, int EndLine)
{
    /// <summary>The texts of the wording: its one text, or each form's.</summary>
    public IEnumerable<string> Wordings => Forms?.OrderBy(f => f.Key).Select(f => f.Value) ?? [Text!];

    /// <summary>The <c>{names}</c> its texts use, each once.</summary>
    public IReadOnlyList<string> Placeholders { get; } = [.. (Forms?.Values ?? [Text!]).SelectMany(t => Pieces(t).Select(p => p.Name)).OfType<string>().Distinct(StringComparer.Ordinal)];

    // Each text's pieces, split once: the theme's texts are few, and each is printed on many pages.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Literal, string? Name)[]> Split = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> as the words before each <c>{name}</c> with the name, and the words after the
    /// last with none: <c>"{count} articles"</c> is <c>("", "count"), (" articles", null)</c>.
    /// </summary>
    public static (string Literal, string? Name)[] Pieces(string text) => Split.GetOrAdd(text, static text =>
    {
        var pieces = new List<(string, string?)>();
        var last = 0;
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            pieces.Add((text[last..match.Index], match.Groups[1].Value));
            last = match.Index + match.Length;
        }

        pieces.Add((text[last..], null));
        return [.. pieces];
    });

    /// <summary>A <c>{name}</c> in a text: a lower-case name between braces.</summary>
    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    public static partial Regex PlaceholderPattern();
}
