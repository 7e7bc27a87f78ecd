using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>Parses authors.yml into an <see cref="AuthorsDocument"/> and demands.yml into a <see cref="DemandCatalogDocument"/>.</summary>
public sealed class ParseDataFiles : ParallelModule<SourceFile>
{
    /// <summary>The author profiles' file name.</summary>
    public const string Authors = "authors.yml";

    /// <summary>The canonical demands' file name.</summary>
    public const string Demands = "demands.yml";

    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context) => input.RelativePath switch
    {
        Authors => new AuthorsDocument(DataFiles.ReadAuthors(input.Text, input.Source!, context.Diagnostics)) { Source = input.Source },
        Demands => new DemandCatalogDocument(DataFiles.ReadDemands(input.Text, input.Source!, context.Diagnostics)) { Source = input.Source },
        _ => null,
    };
}
