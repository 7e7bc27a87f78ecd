using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Build;

/// <summary>What a build did.</summary>
public sealed record BuildResult
{
    /// <summary>Every problem found, sorted by file and line.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>True when the site was written (no errors).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Articles and pages published.</summary>
    public int Documents { get; init; }

    /// <summary>Files the build produced (pages, feeds, assets).</summary>
    public int FilesProduced { get; init; }

    /// <summary>Of those, files written because they were new or changed.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Of the unchanged files, those not even made again, because nothing they show changed.</summary>
    public int FilesReused { get; init; }

    /// <summary>Articles taken from the article cache, neither parsed nor rendered again.</summary>
    public int ArticlesReused { get; init; }

    /// <summary>
    /// True when the build started from the state the last one left and made only what changed since,
    /// the rest of the site being as that build left it; false when it made every file (<see cref="Full"/>).
    /// </summary>
    public bool Edited { get; init; }

    /// <summary>Why the build made every file, when it did.</summary>
    public Build.WhyFull? Full { get; init; }

    /// <summary>
    /// True when the build failed while its files moved into the output folder and could not put all of
    /// the previous site back: its errors say which files, and the next build makes the site whole.
    /// Otherwise a failed build left the output folder as it was.
    /// </summary>
    public bool OutputDamaged { get; init; }

    /// <summary>Wall time of the build.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Time per phase and pipeline.</summary>
    public ImmutableArray<PhaseTiming> Timings { get; init; } = [];

    /// <summary>Errors among <see cref="Diagnostics"/>.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>Warnings among <see cref="Diagnostics"/>.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}
