using System.Collections.Immutable;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// Checks every file the build will write before anything is written: its path must be one a file
/// system can hold and a host publishes (<see cref="OutputPath"/>), and the published folder must have
/// room for it: no file or folder the last build did not write may stand in its way
/// (<see cref="StagedOutput.Blocked"/>). <c>check</c> runs it against the output folder a build would
/// write, so it finds what the build would fail on.
/// </summary>
/// <param name="output">The output folder.</param>
/// <param name="previous">What the last build wrote there, from its manifest.</param>
/// <param name="planPipeline">
/// The pipeline of the plan: a file the last build wrote that this one does not make again is left
/// as it is, and so has nothing in its way.
/// </param>
public sealed class CheckOutputPaths(StagedOutput output, IReadOnlyDictionary<string, OutputRecord> previous, string planPipeline) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var plan = OutputPlan.In(context, planPipeline);
        var folderBytes = Encoding.UTF8.GetByteCount(output.Folder);
        if (!plan.All)
        {
            // Every file the published site has passed when it was published: only a file added may
            // have a path that cannot be, only the files made may find something in their way, and only
            // files no listing declares any more are leaving.
            Dictionary<string, string?>? sources = null;
            var refused = new HashSet<string>(StringComparer.Ordinal);
            foreach (var added in plan.Added)
            {
                if (OutputPath.Problem(added, folderBytes) is { } problem)
                {
                    sources ??= Sources(context);
                    refused.Add(added);
                    context.Diagnostics.Error(DiagnosticCodes.PathTooLong, $"the page or file at '{added}' cannot be published: its path {problem}", sources.GetValueOrDefault(added));
                }
            }

            var leavingNow = plan.Removed.ToHashSet(StringComparer.Ordinal);
            var blocked = output.Blocked(plan.Files.Where(path => !refused.Contains(path)).Order(StringComparer.Ordinal), leavingNow, previous).ToList();
            if (blocked.Count > 0)
            {
                Report(blocked, sources ?? Sources(context), context);
            }

            return inputs;
        }

        var written = Sources(context);
        foreach (var (destination, source) in written)
        {
            if (OutputPath.Problem(destination, folderBytes) is { } problem)
            {
                context.Diagnostics.Error(DiagnosticCodes.PathTooLong, $"the page or file at '{destination}' cannot be published: its path {problem}", source);
            }
        }

        var leaving = previous.Keys.Where(path => !written.ContainsKey(path)).ToHashSet(StringComparer.Ordinal);
        var paths = written.Keys.Where(path => (plan.Makes(path) || !previous.ContainsKey(path)) && OutputPath.Problem(path) is null);
        Report(output.Blocked(paths, leaving, previous), written, context);
        return inputs;
    }

    // The file each published path comes from, by path: the first document's.
    private static Dictionary<string, string?> Sources(PipelineContext context)
    {
        var written = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var document in context.AllOutputs)
        {
            if (document.Destination is { } destination)
            {
                written.TryAdd(destination, document.Source);
            }
        }

        return written;
    }

    private static void Report(IEnumerable<(string Path, string Problem)> blocked, Dictionary<string, string?> sources, PipelineContext context)
    {
        foreach (var (path, problem) in blocked.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            context.Diagnostics.Error(DiagnosticCodes.PathBlocked, $"'{path}' {problem}", sources.GetValueOrDefault(path));
        }
    }
}
