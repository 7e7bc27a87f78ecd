using System.Globalization;
using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Engine;
using Spectre.Console;

namespace Broadside.Cli;

/// <summary>
/// Prints diagnostics in the compiler format (so editors and CI annotate lines) and a summary;
/// in colour on a terminal, plain when redirected or in CI.
/// </summary>
public sealed class Reporter
{
    private readonly IAnsiConsole _error;
    private readonly IAnsiConsole _output;

    /// <summary>Creates a reporter writing to the given streams.</summary>
    public Reporter(TextWriter output, TextWriter error)
    {
        _output = Create(output, Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out));
        _error = Create(error, Console.IsErrorRedirected || !ReferenceEquals(error, Console.Error));
    }

    /// <summary>Prints every diagnostic, errors in red and warnings in yellow; notes, in grey, only when <paramref name="notes"/>.</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics, bool notes = false)
    {
        foreach (var diagnostic in diagnostics.Where(d => notes || !d.IsNote))
        {
            var colour = diagnostic.IsError ? "red" : diagnostic.IsNote ? "grey" : "yellow";
            _error.MarkupLine($"[{colour}]{Markup.Escape(diagnostic.ToString())}[/]");
        }
    }

    /// <summary>Prints one line on standard output.</summary>
    public void Line(string text, string? colour = null) =>
        _output.MarkupLine(colour is null ? Markup.Escape(text) : $"[{colour}]{Markup.Escape(text)}[/]");

    /// <summary>Prints one line on standard error.</summary>
    public void ErrorLine(string text) => _error.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on a terminal; in CI or when output is
    /// redirected, runs it quietly.
    /// </summary>
    public T WithProgress<T>(string label, Func<IProgress<BuildProgress>?, T> work)
    {
        if (!_output.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        T result = default!;
        _output.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                result = work(new SynchronousProgress<BuildProgress>(step =>
                {
                    task.MaxValue = step.Total;
                    task.Value = step.Done;
                    task.Description = $"{label}: {step.Last.Pipeline} {step.Last.Phase}";
                }));
            });
        return result;
    }

    /// <summary>
    /// The time each pipeline phase of <paramref name="result"/> took, and the process's memory and
    /// collections so far (<c>build -v</c>, <c>serve -v</c>).
    /// </summary>
    public void Timings(BuildResult result)
    {
        foreach (var timing in result.Timings)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  {timing.Pipeline,-10} {timing.Phase,-11} {timing.Elapsed.TotalMilliseconds,8:F1} ms  {timing.Documents,7} documents"));
        }

        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"  Memory: {GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):F2} GiB allocated; collections: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2; paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms."));

        // Methods compiled while running, which the precompiled code lacked: time the build spent compiling.
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"  Compiled while running: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms."));
    }

    /// <summary>"1 error", "2 warnings".</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static IAnsiConsole Create(TextWriter writer, bool plain)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain || ci ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain || ci ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain || ci ? InteractionSupport.No : InteractionSupport.Detect,
        });

        // A diagnostic is one line whatever its length: editors and CI match it by pattern.
        console.Profile.Width = int.MaxValue / 2;
        return console;
    }
}
