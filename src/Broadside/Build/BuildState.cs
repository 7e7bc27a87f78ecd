using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;

namespace Broadside.Build;

/// <summary>
/// What a successful build leaves for the next one to start from, whether the next one runs in the same
/// process (<c>serve</c>, <see cref="MemoryStateStore"/>) or in a new one (<c>build</c>,
/// <see cref="DiskStateStore"/>): what it depended on, what it published, each list it declared and each
/// article's view, by hashes. A build compares its own declarations with these and makes only what
/// differs (<see cref="BuildPlan"/>).
/// </summary>
public sealed record BuildState
{
    /// <summary>What the build depended on besides its content files, part by part (<see cref="Build.SiteFingerprint.Parts"/>).</summary>
    public required ImmutableArray<(string Part, Hash128 Hash)> Fingerprint { get; init; }

    /// <summary>The key of the <c>site</c> every page shows (the menu, the year in the footer).</summary>
    public required Hash128 SiteKey { get; init; }

    /// <summary>The year in the footer of every page: in another, every page changes with no file changed.</summary>
    public required int Year { get; init; }

    /// <summary>A hash of the manifest the build wrote: the state describes only the site it published.</summary>
    public required Hash128 Manifest { get; init; }

    /// <summary>The published articles, by source file.</summary>
    public required IReadOnlyDictionary<string, ArticleRecord> Articles { get; init; }

    /// <summary>Every list the build declared, by <see cref="Outputs.ListDeclaration.Id"/>.</summary>
    public required IReadOnlyDictionary<string, ListRecord> Lists { get; init; }

    /// <summary>
    /// Every input file with its size and time, by its path in the input or theme folder: articles (with
    /// drafts and articles not yet due), pages, media, data files and the theme. Equal stamps and nothing
    /// due: nothing to do.
    /// </summary>
    public required ImmutableArray<InputStamp> Inputs { get; init; }

    /// <summary>What the build reported, sorted.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>Articles and pages published.</summary>
    public required int Documents { get; init; }

    /// <summary>The date of the next scheduled article: from then on the site changes with no file changed.</summary>
    public DateTimeOffset? NextPublication { get; init; }

    /// <summary>What the same process can start from besides the hashes; null for a state read from disk.</summary>
    public WarmState? Warm { get; init; }

    /// <summary>
    /// Why a build with <paramref name="fingerprint"/> cannot start from this state, naming the part that
    /// changed; null when it can.
    /// </summary>
    public WhyFull? Unlike(ImmutableArray<(string Part, Hash128 Hash)> fingerprint)
    {
        foreach (var (part, hash) in fingerprint)
        {
            var before = Fingerprint.FirstOrDefault(p => p.Part == part);
            if (before.Part is null || before.Hash != hash)
            {
                return new WhyFull(FullReason.Changed, part);
            }
        }

        return Fingerprint.Length == fingerprint.Length ? null : new WhyFull(FullReason.Changed, "Broadside");
    }
}

/// <summary>What the state keeps of a published article.</summary>
/// <param name="Hash">The hash of the bytes it was made from.</param>
/// <param name="Context">A hash of what its view shows of other things (<see cref="Modules.IndexSite.Context"/>).</param>
/// <param name="View">Its view's key: its page and every card of it show that view.</param>
public readonly record struct ArticleRecord(Hash128 Hash, Hash128 Context, Hash128 View);

/// <summary>What the state keeps of a declared list.</summary>
/// <param name="Members">A hash of its articles in order.</param>
/// <param name="Header">Its <see cref="Outputs.ListDeclaration.Header"/>.</param>
public readonly record struct ListRecord(Hash128 Members, Hash128 Header);

/// <summary>A file of the input with its size and time, as a build found it.</summary>
/// <param name="Path">Its path in the input folder (<c>articles/2026/x.md</c>), or in the theme (<c>theme:layouts/base.liquid</c>).</param>
/// <param name="Length">Its size.</param>
/// <param name="Ticks">Its time.</param>
public readonly record struct InputStamp(string Path, long Length, long Ticks);

/// <summary>
/// What a build in a long-running process keeps besides its hashes, so that the next one reads only the
/// files that changed (its articles are in the article cache the process keeps): the files it read and
/// did not publish, its configuration and theme, its index and views, the manifest it wrote and
/// demands.json's parts.
/// </summary>
public sealed record WarmState
{
    /// <summary>The article files read and not published (drafts, articles not yet due), as full paths: read again by the next build.</summary>
    public required ImmutableArray<string> Unpublished { get; init; }

    /// <summary>What the build read site.yml and the theme into, for a next build in which neither changed.</summary>
    public required Build.SiteServices Services { get; init; }

    /// <summary>The index and the views of the published articles of each of the site's languages, by the pipeline that made it.</summary>
    public required IReadOnlyDictionary<string, IndexDocument> Indexes { get; init; }

    /// <summary>Every file of the published site, as its manifest records it.</summary>
    public required IReadOnlyDictionary<string, OutputRecord> Records { get; init; }

    /// <summary>The files of <see cref="Records"/> in ordinal order, as the manifest lists them.</summary>
    public required IReadOnlyList<string> RecordOrder { get; init; }

    /// <summary>The build's plan, with every list every listing declared.</summary>
    public required Outputs.OutputPlan Plan { get; init; }

    /// <summary>Each demand's object in demands.json, by demand of <see cref="Indexes"/>, by the pipeline that made it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<Demand, byte[]>> DemandsJson { get; init; }
}
