using System.Collections.Immutable;

namespace Broadside.Configuration;

/// <summary>A section listed in <c>site.yml</c>, in menu order.</summary>
/// <param name="Name">The section's name as articles write it.</param>
/// <param name="Description">A sentence for the section's page; may be empty.</param>
public sealed record SectionConfig(string Name, string Description)
{
    /// <summary>Its name in the site's other languages (<c>names: {es: Trabajo}</c>), by language code.</summary>
    public ImmutableSortedDictionary<string, string> Names { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Its description in the site's other languages (<c>descriptions: {es: …}</c>), by language code.</summary>
    public ImmutableSortedDictionary<string, string> Descriptions { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name it goes by: its own, then those of its other languages.</summary>
    public IEnumerable<string> AllNames => Names.Values.Prepend(Name);

    /// <summary>Its name in <paramref name="language"/>, its own where none is given.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    /// <inheritdoc />
    public bool Equals(SectionConfig? other) =>
        other is not null && Name == other.Name && Description == other.Description && Names.SequenceEqual(other.Names) && Descriptions.SequenceEqual(other.Descriptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Description, Names.Count);
}
