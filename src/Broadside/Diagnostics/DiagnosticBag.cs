using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Broadside.Diagnostics;

/// <summary>
/// Collects diagnostics from every module, on any thread. Reading it gives them in a stable order
/// (file, line, column, code) so that two runs over the same input print the same report.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private int _errors;

    /// <summary>Number of errors reported so far.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>Number of diagnostics reported so far, of any severity.</summary>
    public int Count => _items.Count;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        if (diagnostic.IsError)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    /// <summary>Adds diagnostics reported elsewhere (by a cached step, or a bag of its own).</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>
    /// Runs <paramref name="make"/> with a bag of its own, so that what it reports can be kept with its
    /// result, and reports that here too.
    /// </summary>
    public (T Result, ImmutableArray<Diagnostic> Diagnostics) Capture<T>(Func<DiagnosticBag, T> make)
    {
        var own = new DiagnosticBag();
        var result = make(own);
        var reported = own.ToImmutableSorted();
        AddRange(reported);
        return (result, reported);
    }

    /// <summary>Reports an error at a location.</summary>
    public void Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, message, file, line, column));

    /// <summary>Reports a warning at a location.</summary>
    public void Warning(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, file, line, column));

    /// <summary>Notes what the build decided at a location (<see cref="DiagnosticSeverity.Note"/>).</summary>
    public void Note(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(DiagnosticSeverity.Note, code, message, file, line, column));

    /// <summary>All diagnostics, sorted by file, line, column and code.</summary>
    public ImmutableArray<Diagnostic> ToImmutableSorted() => _items.IsEmpty ? [] :
        [.. _items
            .Distinct()
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
