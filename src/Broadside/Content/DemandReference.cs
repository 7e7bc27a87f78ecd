namespace Broadside.Content;

/// <summary>
/// A demand as an article's front matter writes it: its own words, or the id of a canonical demand
/// of <c>demands.yml</c>. Exactly one of <see cref="Text"/> and <see cref="Id"/> is set.
/// </summary>
/// <param name="Text">The wording the article used.</param>
/// <param name="Id">The id of a canonical demand.</param>
/// <param name="Line">Where it is written, for diagnostics.</param>
/// <param name="Column">Where it is written, for diagnostics.</param>
public sealed record DemandReference(string? Text, string? Id, int Line, int Column);
