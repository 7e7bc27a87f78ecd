using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>Lists the files of a folder to copy through, placing them under <paramref name="prefix"/> in the output.</summary>
/// <param name="folder">The folder on disk; a missing folder gives no documents.</param>
/// <param name="displayFolder">The folder as diagnostics show it.</param>
/// <param name="prefix">The output path they go under (<c>assets/</c>, <c>media/</c>).</param>
/// <param name="root">The input folder: a link that leads outside it is reported, not copied.</param>
public sealed class ReadAssets(string folder, string displayFolder, string prefix, string root) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!Directory.Exists(folder))
        {
            return inputs;
        }

        return [.. inputs, .. ContentFiles.Enumerate(folder, "*", root, displayFolder, context.Diagnostics).Select(path =>
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            return new AssetFile { Source = displayFolder + "/" + relative, FullPath = path, Destination = prefix + relative };
        })];
    }
}
