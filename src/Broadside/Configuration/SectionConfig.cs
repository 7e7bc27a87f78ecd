namespace Broadside.Configuration;

/// <summary>A section listed in <c>site.yml</c>, in menu order.</summary>
/// <param name="Name">The section's name as articles write it.</param>
/// <param name="Description">A sentence for the section's page; may be empty.</param>
public sealed record SectionConfig(string Name, string Description);
