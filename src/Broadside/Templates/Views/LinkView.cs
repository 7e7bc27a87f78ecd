namespace Broadside.Templates.Views;

/// <summary>A named thing that may have a page: a section, tag or author.</summary>
/// <param name="Name">The name as shown.</param>
/// <param name="Slug">Its URL name.</param>
/// <param name="Url">Its page's root-relative URL; empty when it has no page.</param>
public sealed record LinkView(string Name, string Slug, string Url);
