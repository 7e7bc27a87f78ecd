namespace Broadside.Search;

/// <summary>What indexing a built site for search did.</summary>
/// <param name="Succeeded">True when the indexer finished and wrote its bundle.</param>
/// <param name="Pages">Pages indexed.</param>
/// <param name="Filters">Filters indexed (section, author, tag, demand).</param>
/// <param name="Message">When it failed, why, in the indexer's own words; else empty.</param>
public sealed record SearchIndexResult(bool Succeeded, int Pages, int Filters, string Message);
