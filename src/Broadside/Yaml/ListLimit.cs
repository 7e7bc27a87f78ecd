namespace Broadside.Yaml;

/// <summary>How many items a list may have, and where that is set, for messages.</summary>
/// <param name="Max">The most items accepted.</param>
/// <param name="Whose">What may have that many, as in "more than the 50 one article may have".</param>
/// <param name="Setting">The setting of site.yml that raises it, such as <c>limits: tags</c>.</param>
public sealed record ListLimit(int Max, string Whose, string Setting);
