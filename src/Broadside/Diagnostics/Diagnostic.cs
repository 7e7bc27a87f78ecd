using System.Buffers;
using System.Globalization;
using System.Text;

namespace Broadside.Diagnostics;

/// <summary>
/// One problem found in the input, located at a file, line and column, printed in the form compilers
/// use so that editors and CI annotate the right line.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>BS0102</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="File">The file, as given to the build (usually relative to the working folder); null for the build as a whole.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>What is wrong and how to fix it, with invisible characters shown (<see cref="Visible"/>).</summary>
    public string Message { get; init; } = Visible(Message);

    /// <summary>The file, with invisible characters shown (<see cref="Visible"/>); null for the build as a whole.</summary>
    public string? File { get; init; } = File is null ? null : Visible(File);

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>True for <see cref="DiagnosticSeverity.Note"/>: no problem, what the build decided.</summary>
    public bool IsNote => Severity == DiagnosticSeverity.Note;

    /// <summary>Formats as <c>input/articles/x.md(4,7): error BS0102: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Note => "note",
            _ => "warning",
        };
        if (File is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"broadside: {severity} {Code}: {Message}");
        }

        var location = (Line, Column) switch
        {
            (0, _) => File,
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{File}({Line})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})"),
        };
        return $"{location}: {severity} {Code}: {Message}";
    }

    /// <summary>
    /// <paramref name="text"/> with control characters, line separators, zero-width spaces and
    /// direction overrides written as <c>\u200B</c>. Messages quote what editors wrote: a key with an
    /// invisible character in it must not look like a known key, and a line break or a terminal escape
    /// must not start a line of its own in a terminal or a CI log, where it could pass for another message.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.AsSpan().ContainsAny(Invisible))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Invisible.Contains(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        [
            .. Enumerable.Range(0, 0x20).Select(c => (char)c),
            .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
            '\u061C', '\u200B', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
            '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF',
        ]);
}
