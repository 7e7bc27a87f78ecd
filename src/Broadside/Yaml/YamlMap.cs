using System.Collections.Immutable;
using System.Globalization;
using Broadside.Diagnostics;
using Broadside.Output;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Broadside.Yaml;

/// <summary>
/// A YAML mapping read with its source positions, so that every value a reader asks for can be
/// reported at its own line and column. Readers ask for typed values; a value of the wrong type is
/// reported once and read as absent, so one run reports every problem of a file.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries;

    private YamlMap(YamlMappingNode node, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        _node = node;
        File = file;
        LineOffset = lineOffset;
        Diagnostics = diagnostics;
        _entries = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                _entries[name] = (key, value);
            }
            else
            {
                Report(key, DiagnosticCodes.WrongType, "a key must be a plain name such as 'title'");
            }
        }
    }

    /// <summary>The file the mapping was read from, for diagnostics.</summary>
    public string File { get; }

    /// <summary>Added to YAML line numbers to give lines of <see cref="File"/>.</summary>
    public int LineOffset { get; }

    /// <summary>Where problems are reported.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>The keys, in the order written.</summary>
    public IEnumerable<string> Keys =>
        _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(k => k is not null);

    /// <summary>
    /// Parses <paramref name="yaml"/>; reports a syntax error, or a document that is not a mapping, and
    /// returns null. An empty document is an empty mapping.
    /// </summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="lineOffset">Lines of <paramref name="file"/> before the YAML text starts.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="what">What the mapping is, for messages ("front matter", "site.yml").</param>
    public static YamlMap? Parse(string yaml, string file, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        var root = YamlLoader.Load(yaml, file, lineOffset, diagnostics);
        return root switch
        {
            null => null,
            YamlMappingNode mapping => new YamlMap(mapping, file, lineOffset, diagnostics),
            YamlScalarNode { Value: null or "" or "~" or "null" } => FromEmpty(file, lineOffset, diagnostics),
            _ => NotAMapping(root, file, lineOffset, diagnostics, what),
        };
    }

    /// <summary>Wraps a mapping found inside another document.</summary>
    public static YamlMap From(YamlMappingNode node, string file, int lineOffset, DiagnosticBag diagnostics) =>
        new(node, file, lineOffset, diagnostics);

    /// <summary>True when <paramref name="key"/> is present with a non-null value.</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value);

    /// <summary>The raw node of <paramref name="key"/>, or null.</summary>
    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <summary>The line in <see cref="File"/> where <paramref name="key"/> is written, or the mapping's line.</summary>
    public int LineOf(string key) => _entries.TryGetValue(key, out var entry) ? Line(entry.Key) : Line(_node);

    /// <summary>The line of a node in <see cref="File"/>.</summary>
    public int Line(YamlNode node) => (int)node.Start.Line + LineOffset;

    /// <summary>Reports a problem at <paramref name="node"/>.</summary>
    public void Report(YamlNode node, string code, string message, bool warning = false) =>
        Diagnostics.Add(new Diagnostic(
            warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            code,
            message,
            File,
            Line(node),
            (int)node.Start.Column));

    /// <summary>Reports a required key that is missing, at the start of the mapping.</summary>
    public void ReportMissing(string key, string hint) =>
        Report(_node, DiagnosticCodes.RequiredKeyMissing, $"the required key '{key}' is missing: {hint}");

    /// <summary>
    /// Reads text; a list or mapping is reported. Blank text is reported when <paramref name="required"/>.
    /// Text longer than <paramref name="maxLength"/> is reported and cut to that length. Characters no page
    /// may hold are taken out with a warning (<see cref="Text"/>).
    /// </summary>
    public string? String(string key, bool required = false, string? hint = null, int maxLength = int.MaxValue)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key, hint ?? $"add '{key}: …'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Report(node, DiagnosticCodes.WrongType, $"'{key}' must be text, not {Describe(node)}");
            return null;
        }

        var value = Text(scalar, key);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Report(node, DiagnosticCodes.EmptyValue, $"'{key}' is empty: {hint ?? "give it a value"}");
            }

            return null;
        }

        return WithinLength(scalar, key, value, maxLength, item: false);
    }

    /// <summary>Reads one text or a list of texts (as <c>author</c> allows).</summary>
    public ImmutableArray<string> StringOrList(string key, bool required = false, string? hint = null, int maxLength = int.MaxValue, ListLimit? limit = null)
    {
        var node = Node(key);
        if (node is YamlScalarNode)
        {
            return String(key, required, hint, maxLength) is { } single ? [single] : [];
        }

        var list = StringList(key, maxLength, limit);
        if (required && list.IsEmpty && node is null or YamlSequenceNode)
        {
            if (node is null)
            {
                ReportMissing(key, hint ?? $"add '{key}: …'");
            }
            else
            {
                Report(node, DiagnosticCodes.EmptyValue, $"'{key}' is empty: {hint ?? "give it a value"}");
            }
        }

        return list;
    }

    /// <summary>
    /// Reads a list of texts; a single text is accepted as a list of one. An item longer than
    /// <paramref name="maxLength"/> is reported and cut to that length; items past <paramref name="limit"/>
    /// are reported at the first of them and left out.
    /// </summary>
    public ImmutableArray<string> StringList(string key, int maxLength = int.MaxValue, ListLimit? limit = null)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return Item(scalar, key, maxLength) is { } single ? [single] : [];
            case YamlSequenceNode sequence:
                var builder = ImmutableArray.CreateBuilder<string>();
                var count = 0;
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode text)
                    {
                        if (Item(text, key, maxLength) is not { } value)
                        {
                            continue;
                        }

                        count++;
                        if (limit is not null && count == limit.Max + 1)
                        {
                            ReportOverLimit(item, key, sequence, limit);
                        }

                        if (limit is null || count <= limit.Max)
                        {
                            builder.Add(value);
                        }
                    }
                    else
                    {
                        Report(item, DiagnosticCodes.WrongType, $"each item of '{key}' must be text, not {Describe(item)}");
                    }
                }

                return builder.ToImmutable();
            default:
                Report(node, DiagnosticCodes.WrongType, $"'{key}' must be a list such as [a, b], not {Describe(node)}");
                return [];
        }
    }

    /// <summary>
    /// Reads one item of the list <paramref name="key"/>: its text, without characters no page may hold
    /// (<see cref="Text"/>) and trimmed, or null when it is blank; past <paramref name="maxLength"/>, reported and cut.
    /// </summary>
    public string? Item(YamlScalarNode node, string key, int maxLength = int.MaxValue)
    {
        var value = Text(node, key);
        return string.IsNullOrEmpty(value) ? null : WithinLength(node, key, value, maxLength, item: true);
    }

    /// <summary>
    /// Reports that <paramref name="key"/> has more items than <paramref name="limit"/> allows, at
    /// <paramref name="first"/>, the first item over it; <paramref name="items"/> is the list, to count them.
    /// </summary>
    public void ReportOverLimit(YamlNode first, string key, YamlSequenceNode items, ListLimit limit) =>
        Report(first, DiagnosticCodes.LimitExceeded, string.Create(
            CultureInfo.InvariantCulture,
            $"'{key}' has {items.Children.Count:N0} items, more than the {limit.Max:N0} {limit.Whose} may have; this is the first past the limit: keep the {limit.Max:N0} that matter most, or raise '{limit.Setting}' in site.yml"));

    /// <summary>
    /// The text of <paramref name="node"/>, trimmed, with characters no page may hold taken out
    /// (<see cref="OutputText.Replace"/>: control characters, noncharacters, lone surrogates, written in the
    /// file or as YAML escapes such as <c>"\x1B"</c>); a warning at the value's line says so, once per value.
    /// </summary>
    public string Text(YamlScalarNode node, string key)
    {
        var value = node.Value ?? string.Empty;
        var cleaned = OutputText.Replace(value);
        if (!ReferenceEquals(cleaned, value))
        {
            var removed = Removed(value);
            var (what, them) = removed.Count == 1 ? ("a character", "it was") : ("characters", "they were");
            Report(node, DiagnosticCodes.ControlCharacter, $"'{key}' has {what} that no page may hold ({string.Join(", ", removed)}): {them} removed; delete {(removed.Count == 1 ? "it" : "them")} from the file", warning: true);
        }

        return cleaned.Trim();
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text })
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        Report(node, DiagnosticCodes.WrongType, $"'{key}' must be true or false");
        return null;
    }

    /// <summary>Reads a whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public int? Int(string key, int min, int max)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Report(node, DiagnosticCodes.WrongType, $"'{key}' must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>
    /// Reports every key not in <paramref name="known"/> as a warning, naming the nearest known key
    /// when the key looks like a misspelling of one. Keys in <paramref name="allowed"/> are kept quietly.
    /// </summary>
    public void WarnUnknownKeys(IReadOnlyCollection<string> known, IReadOnlySet<string> allowed, string? allowHint = null)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (known.Contains(name) || allowed.Contains(name))
            {
                continue;
            }

            var nearest = NearestName.Find(name, known);
            var message = nearest is not null
                ? $"unknown key '{name}': did you mean '{nearest}'?"
                : $"unknown key '{name}' is ignored{allowHint}";
            Report(key, DiagnosticCodes.UnknownKey, message, warning: true);
        }
    }

    /// <summary>Converts the values of the given keys into plain values (text, lists, maps) for themes.</summary>
    public ImmutableDictionary<string, object?> PlainValues(IEnumerable<string> keys) =>
        keys.Where(_entries.ContainsKey)
            .ToImmutableDictionary(k => k, k => ToPlain(_entries[k].Value, k, depth: 0), StringComparer.Ordinal);

    /// <summary>True for a missing value: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Describes a node's kind for messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping of keys",
        _ => "text",
    };

    private object? ToPlain(YamlNode node, string key, int depth) => depth > 16 ? null : node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode scalar => Text(scalar, key),
        YamlSequenceNode sequence => sequence.Children.Select(c => ToPlain(c, key, depth + 1)).ToImmutableArray(),
        YamlMappingNode mapping => mapping.Children
            .Where(kv => kv.Key is YamlScalarNode { Value: not null })
            .GroupBy(kv => ((YamlScalarNode)kv.Key).Value!, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => ToPlain(g.First().Value, key, depth + 1), StringComparer.Ordinal),
        _ => null,
    };

    // The characters OutputText.Replace takes out of 'value', each once, as U+001B.
    private static List<string> Removed(string value)
    {
        var removed = new List<string>();
        for (var i = 0; i < value.Length; i++)
        {
            var pair = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var scalar = pair ? char.ConvertToUtf32(value[i], value[i + 1]) : value[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"U+{scalar:X4}");
            if (OutputText.IsForbidden(scalar) && !removed.Contains(name))
            {
                removed.Add(name);
            }

            i += pair ? 1 : 0;
        }

        return removed;
    }

    // The value, or, past 'maxLength', its start, reported: what depends on it (a demand's id, an author's
    // profile) still finds it, so the one error is all the file shows.
    private string WithinLength(YamlNode node, string key, string value, int maxLength, bool item)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var start = value.Length > 40 ? value[..40].TrimEnd() + "…" : value;
        var what = item ? $"the item '{start}' of '{key}'" : $"'{key}' ('{start}')";
        Report(node, DiagnosticCodes.LimitExceeded, string.Create(
            CultureInfo.InvariantCulture,
            $"{what} is {value.Length:N0} characters long, more than the {maxLength:N0} it may have: shorten it"));
        return value[..(char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength)];
    }


    private static YamlMap FromEmpty(string file, int lineOffset, DiagnosticBag diagnostics) =>
        new(new YamlMappingNode(), file, lineOffset, diagnostics);

    private static YamlMap? NotAMapping(YamlNode root, string file, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        diagnostics.Error(
            DiagnosticCodes.FrontMatterNotMapping,
            $"the {what} must be a set of 'key: value' lines, not {Describe(root)}",
            file,
            (int)root.Start.Line + lineOffset,
            (int)root.Start.Column);
        return null;
    }
}
