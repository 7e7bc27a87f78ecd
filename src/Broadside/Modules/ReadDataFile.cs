using System.Collections.Immutable;
using Broadside.Content;
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

        var bytes = TextFile.Read(path, display, context.Diagnostics, root: Path.GetDirectoryName(Path.GetFullPath(path)));
        return bytes is null
            ? inputs
            : inputs.Add(new SourceFile { Source = display, FullPath = path, RelativePath = Path.GetFileName(path), Bytes = bytes });
    }
}
