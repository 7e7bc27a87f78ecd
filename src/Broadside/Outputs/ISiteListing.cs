namespace Broadside.Outputs;

/// <summary>
/// Something the build publishes from the files of every other listing (the sitemap), declared once
/// they all are.
/// </summary>
public interface ISiteListing
{
    /// <summary>The lists of this build, from <paramref name="files"/>, every file the other listings declared, in their order.</summary>
    /// <param name="files">Every file the other listings declared.</param>
    /// <param name="context">The pipelines run so far.</param>
    IEnumerable<ListDeclaration> Declare(IReadOnlyList<ListFile> files, Engine.PipelineContext context);
}
