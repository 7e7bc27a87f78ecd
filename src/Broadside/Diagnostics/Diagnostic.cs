using System.Globalization;

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
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats as <c>input/articles/x.md(4,7): error BS0102: message</c>.</summary>
    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
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
}
