using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Lists the theme's assets to copy to <c>/assets/</c> under their fingerprinted names.</summary>
public sealed class ReadThemeAssets(AssetManifest assets, string displayFolder) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [.. inputs, .. assets.Files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new AssetFile { Source = displayFolder + "/" + f.Key, FullPath = f.Value, Destination = ReservedPaths.Assets + "/" + f.Key })];
}
