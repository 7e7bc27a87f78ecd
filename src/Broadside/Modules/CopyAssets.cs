using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// Declares the theme's assets and the media files, which every build copies (a file already published
/// as it is stays untouched): a list of one file for each.
/// </summary>
/// <param name="assetsPipeline">The pipeline that lists them.</param>
public sealed class CopyAssets(string assetsPipeline) : IModule, IListing
{
    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context) =>
        context.OutputsOf<AssetFile>(assetsPipeline).Select(asset => ListDeclaration.Single(asset.Destination!, default));

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => inputs;
}
