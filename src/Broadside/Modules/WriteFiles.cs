using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>
/// Writes every <see cref="OutputFile"/> and copies every <see cref="AssetFile"/> into the output
/// folder, in parallel, leaving identical files untouched.
/// </summary>
public sealed class WriteFiles(string outputFolder, WriteStatistics statistics) : IModule
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
                var written = document switch
                {
                    OutputFile file => file.Text(context.Diagnostics) is { } text ? OutputWriter.WriteText(path, text) : null,
                    AssetFile asset => OutputWriter.Copy(asset.FullPath, path),
                    _ => (bool?)null,
                };
                if (written is { } changed)
                {
                    statistics.Count(destination, changed);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot write {destination}: {ex.Message}", document.Source);
            }
        });
        return inputs;
    }
}
