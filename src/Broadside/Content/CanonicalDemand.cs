using System.Collections.Immutable;

namespace Broadside.Content;

/// <summary>A demand of <c>demands.yml</c>: its fixed wording, the variants that join it, and its topic.</summary>
/// <param name="Id">The id articles refer to it by; also its URL name.</param>
/// <param name="Text">The canonical wording.</param>
/// <param name="Aliases">Other wordings that join it.</param>
/// <param name="Topic">The topic it is grouped under on the index; may be empty.</param>
/// <param name="Line">Where it is defined, for diagnostics.</param>
public sealed record CanonicalDemand(string Id, string Text, ImmutableArray<string> Aliases, string Topic, int Line);
