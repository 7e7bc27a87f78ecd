using System.Collections.Immutable;
using Broadside.Output;

namespace Broadside.Build;

/// <summary>What a build starts from: nothing, or an earlier build's state and what changed since.</summary>
/// <param name="Earlier">The earlier build's state, or null.</param>
/// <param name="Full">Why the build makes every file although there is a state; null to make only what changed.</param>
/// <param name="Changed">The files of the articles folder written or deleted since, as full paths, when known; null to list the folder.</param>
/// <param name="Published">What the output folder holds, by file, as its manifest records it.</param>
/// <param name="Listed">The input's folders as the build listed them to stamp them, for the build to read; empty when it did not.</param>
internal sealed record BuildStart(BuildState? Earlier, WhyFull? Full, IReadOnlyCollection<string>? Changed, IReadOnlyDictionary<string, OutputRecord> Published, ImmutableArray<Content.FolderListing> Listed = default);
