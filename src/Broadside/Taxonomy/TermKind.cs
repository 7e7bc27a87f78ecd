namespace Broadside.Taxonomy;

/// <summary>The ways articles are grouped into archives.</summary>
public enum TermKind
{
    Section,
    Tag,
    Author,
    Year,

    /// <summary>Articles that share <c>series:</c>, read in order of date.</summary>
    Series,
}
