using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>The author profiles of authors.yml.</summary>
public sealed record AuthorsDocument(ImmutableArray<AuthorProfile> Profiles) : Document;

/// <summary>The canonical demands of demands.yml.</summary>
public sealed record DemandCatalogDocument(ImmutableArray<CanonicalDemand> Demands) : Document;
