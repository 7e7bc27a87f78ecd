using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>An overview of all sections, tags or authors (<c>terms</c>).</summary>
/// <param name="Kind"><c>section</c>, <c>tag</c> or <c>author</c>.</param>
/// <param name="Title">The page's heading.</param>
/// <param name="Items">Each term with its article count.</param>
public sealed record TermsView(string Kind, string Title, ImmutableArray<TermSummaryView> Items);

/// <summary>A term in an overview.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Url">Its archive.</param>
/// <param name="Count">How many articles it has.</param>
/// <param name="Description">A section's description or an author's bio; may be empty.</param>
public sealed record TermSummaryView(string Name, string Url, int Count, string Description);
