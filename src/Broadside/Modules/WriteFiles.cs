using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>
/// Writes every <see cref="OutputFile"/> and copies every <see cref="AssetFile"/> into the output
/// folder, in parallel, leaving identical files untouched.
/// </summary>
/// <param name="outputFolder">Where files are written.</param>
/// <param name="statistics">Counts what was written and remembers it for the manifest.</param>
/// <param name="previous">What the last build recorded of each file, to skip unchanged files without reading them.</param>
public sealed class WriteFiles(string outputFolder, WriteStatistics statistics, IReadOnlyDictionary<string, OutputRecord> previous) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        Parallel.ForEach(inputs, new ParallelOptions { CancellationToken = context.CancellationToken }, document =>
        {
            if (document.Destination is not { } destination)
            {
                return;
            }

            var path = Path.Combine(outputFolder, destination);
            try
            {
                var result = document switch
                {
                    OutputFile { WriteUtf8: { } write } => WritePooled(path, write, previous.GetValueOrDefault(destination)),
                    OutputFile file => file.Text(context.Diagnostics) is { } text ? OutputWriter.WriteText(path, text, previous.GetValueOrDefault(destination)) : null,
                    AssetFile asset => OutputWriter.Copy(asset.FullPath, path),
                    _ => null,
                };
                if (result is { } done)
                {
                    statistics.Count(destination, done.Written, done.Record);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot write {destination}: {ex.Message}", document.Source);
            }
        });
        return inputs;
    }

    private static (bool Written, OutputRecord Record)? WritePooled(string path, Action<Stream> write, OutputRecord? previous)
    {
        using var buffer = new PooledBuffer();
        write(buffer);
        return OutputWriter.WriteBytes(path, buffer.Written, previous);
    }
}
