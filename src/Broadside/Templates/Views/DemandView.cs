namespace Broadside.Templates.Views;

/// <summary>A demand as an article raises it.</summary>
/// <param name="Text">The wording shown.</param>
/// <param name="Id">The canonical demand's id, or empty.</param>
/// <param name="Url">The demand's page, or empty.</param>
/// <param name="Name">The demand's own wording, the same in every article that raises it (for search filters).</param>
public sealed record DemandView(string Text, string Id, string Url, string Name)
{
    /// <summary>The headline of the wording shown (<see cref="Content.DemandHeadline"/>).</summary>
    public string Headline { get; init; } = string.Empty;

    /// <summary>The explanation of the wording shown; empty when it is only a headline.</summary>
    public string Explanation { get; init; } = string.Empty;
}
