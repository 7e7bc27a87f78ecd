using System.Collections.Immutable;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>
/// Writes every <see cref="OutputFile"/> and copies every <see cref="AssetFile"/> into the staged
/// output, in parallel, keeping identical files as they were.
/// </summary>
/// <param name="output">Where files are written.</param>
/// <param name="statistics">Counts what was written and remembers it for the manifest.</param>
/// <param name="previous">What the last build recorded of each file, to skip unchanged files without reading them.</param>
/// <param name="reuse">
/// True to leave a file unmade when its key is the one the last build recorded; false to make every
/// file again (still leaving those that come out the same untouched).
/// </param>
public sealed class WriteFiles(StagedOutput output, WriteStatistics statistics, IReadOnlyDictionary<string, OutputRecord> previous, bool reuse = true) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // The documents a build left as they were (an unchanged article's) are not files to write.
        var files = inputs.Where(d => d is OutputFile or AssetFile).ToArray();
        Parallel.ForEach(files, new ParallelOptions { CancellationToken = context.CancellationToken }, document =>
        {
            if (document.Destination is not { } destination)
            {
                return;
            }

            try
            {
                var previousRecord = previous.GetValueOrDefault(destination);
                var key = document is OutputFile { Key: { } made } ? KeyBuilder.Format(made) : null;
                if (reuse && key is not null && previousRecord is not null && previousRecord.Key == key && output.IsUnchanged(destination, previousRecord))
                {
                    statistics.Count(destination, written: false, previousRecord, reused: true);
                    return;
                }

                var result = document switch
                {
                    OutputFile { Render: { } render } => WritePooled(destination, render, context.Diagnostics, previousRecord),
                    OutputFile { Content: { } text } => output.WriteBytes(destination, Encoding.UTF8.GetBytes(text), previousRecord),
                    AssetFile asset => output.Copy(asset.FullPath, destination),
                    _ => null,
                };
                if (result is { } done)
                {
                    statistics.Count(destination, done.Written, key is null ? done.Record : done.Record with { Key = key });
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot write {destination}: {ex.Message}", document.Source);
            }
        });
        return inputs;
    }

    private (bool Written, OutputRecord Record)? WritePooled(string destination, Func<PooledBuffer, DiagnosticBag, bool> render, DiagnosticBag diagnostics, OutputRecord? previous)
    {
        using var buffer = new PooledBuffer();
        return render(buffer, diagnostics) ? output.WriteBytes(destination, buffer.Written, previous) : null;
    }
}
