using Broadside.Engine;

namespace Broadside.Outputs;

/// <summary>
/// Something the build publishes files for (a kind of page, the feeds, the data files), saying before
/// any is made which lists it has, what each holds and which files each makes
/// (<see cref="ListDeclaration"/>). The build compares the declarations with the last build's and makes
/// again only what changed (the build's plan); nothing else needs to know which listings
/// exist, so a new one is made, remade and removed like every other the day it is added.
/// </summary>
public interface IListing
{
    /// <summary>
    /// The lists of this build, from what the pipeline that plans the build can read in
    /// <paramref name="context"/> (the index, the site, the pages), in a stable order.
    /// </summary>
    IEnumerable<ListDeclaration> Declare(PipelineContext context);
}
