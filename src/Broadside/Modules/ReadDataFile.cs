using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>Reads one optional data file (authors.yml, demands.yml) as a <see cref="SourceFile"/>.</summary>
/// <param name="path">The file on disk.</param>
/// <param name="display">The file as diagnostics show it.</param>
public sealed class ReadDataFile(string path, string display) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!File.Exists(path))
        {
            return inputs;
        }

        try
        {
            return inputs.Add(new SourceFile { Source = display, FullPath = path, RelativePath = Path.GetFileName(path), Bytes = File.ReadAllBytes(path) });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(DiagnosticCodes.FileUnreadable, $"cannot read the file: {ex.Message}", display);
            return inputs;
        }
    }
}
