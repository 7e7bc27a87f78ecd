using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Values an editor could write after a key's colon, as YAML: scalars of every kind (numbers too large for
/// any type, infinities, dates at and past the edges, escapes of control characters), lists, mappings,
/// anchors, aliases, tags, block scalars, long and unusual text. Each is written to follow <c>key:</c> on
/// the key's own line, indented by two spaces where it takes more lines.
/// </summary>
public static class YamlValues
{
    /// <summary>Every value.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        string.Empty, " ~", " null", " \"\"", " ''", " \" \"", " true", " no", " 0", " -1", " 0x1F", " 0o17", " -0",
        " 99999999999999999999999999999999", " -99999999999999999999999999999999", " 1e309", " -1e309", " .inf", " -.inf", " .nan",
        " 2.5", " 2026-03-14", " 2026-02-30", " 1800-01-01", " 2199-12-31T23:59:59+14:00", " 1799-12-31", " 2200-01-01",
        " 0001-01-01T00:00:00+14:00", " 9999-12-31T23:30:00-12:00", " 0000-01-01", " 10000-01-01", " 2026-03-14T18:30:00+15:00",
        " 2026-03-14T18:30:00-18:00", " !!timestamp 2001-12-14t21:59:43.10-05:00",
        " \"\\x1B[31m\\0\\a\\u0085\\u009B\\uFFFE\\uFDD0\\U0010FFFF\\x7F\"", " \"\\uD800\"", " \"\\t\\r\\n\\u2028\\u202E\\u200B\"",
        " Забастовка 🔥 العربية 漢字", " \"e\\u0301 İı ß ǅ\"", " \"🏳️‍🌈\"", " 'single ''quoted'''", " \"a: b # c\"",
        " !!binary aGVsbG8=", " !!int 12", " !!float 1.5", " !!str 5", " !!bool true", " !!null ''", " !custom value", " !!set {a, b}",
        " !!omap [a: 1]", " !!map {a: b}", " !!seq [a]", " &anchor value", " *anchor", " <<: {a: b}",
        " []", " {}", " [a, b, c]", " [[nested, [deeper]]]", " [{id: free-transit}, {id: nothing}, {name: x}]", " {a: b, c: [d]}",
        " [~, '', 1, true]", "\n  - a\n  - b", "\n  - id: free-transit\n  - {id: y}\n  - [z]", "\n  k: v\n  k2: [v]",
        " |\n  block\n  text", " >\n  folded\n  text", " |-\n", " \"" + new string('x', 5_000) + "\"",
        " https://example.org/a/", " javascript:alert(1)", " /media/x.png", " ../../etc/passwd", " /2019/old/", " \"a/b\"",
        " \"C# & C++ <b>\"", " </script><script>alert(1)</script>", " ]]>", " en", " zz-ZZ", " Pacific/Kiritimati", " Etc/GMT+12",
        " -", " ? x", " \"unclosed", " [unclosed", " {unclosed", " %YAML", " @x", " `x`",
    ];

    /// <summary>The values that are YAML, which a file can hold and still be read (an alias is not).</summary>
    public static readonly IReadOnlyList<string> Readable = [.. All.Where(v => YamlLoader.Load("key:" + v + "\n", "f", 0, new DiagnosticBag()) is not null)];

    /// <summary>The values that make the file they are in unreadable: not YAML, or an alias.</summary>
    public static readonly IReadOnlyList<string> Unreadable = [.. All.Except(Readable)];

    /// <summary>The readable value at <paramref name="index"/>, counting round: any whole number picks one.</summary>
    public static string ReadableAt(int index) => Readable[index % Readable.Count];
}
