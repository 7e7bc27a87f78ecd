using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Outputs;

/// <summary>
/// Which files this build makes: every one, or those the comparison with the last build's declarations
/// found changed. Every listing makes the files of its lists that <see cref="Makes"/> names, from the
/// declarations it made (<see cref="Of"/>), and nothing else.
/// </summary>
public sealed record OutputPlan : Document
{
    /// <summary>True when every file is made.</summary>
    public required bool All { get; init; }

    /// <summary>The files made, when not <see cref="All"/>.</summary>
    public IReadOnlySet<string> Files { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Every file the listings declared: the files of the site after this build, made or not.</summary>
    public required IReadOnlySet<string> Declared { get; init; }

    /// <summary>
    /// A key of <see cref="Declared"/> (<see cref="Output.PathsKey"/>): two plans with one key declare the
    /// same files, and what depends on those alone (the links that lead nowhere) is as it was.
    /// </summary>
    public Hash128 DeclaredKey { get; init; }

    /// <summary>The files of <see cref="Declared"/> the published site does not have, each once.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>The files of the published site that no listing declared: this build deletes them.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Every listing's lists (<see cref="IListing"/>, <see cref="ISiteListing"/>), as it declared them for this build.</summary>
    public required IReadOnlyDictionary<object, ImmutableArray<ListDeclaration>> Declarations { get; init; }

    /// <summary>The key of the versions of the articles and pages in the site's languages, which the sitemap lists.</summary>
    public Hash128 TranslationsKey { get; init; }

    /// <summary>True when the file at <paramref name="file"/> is made by this build.</summary>
    public bool Makes(string file) => All || Files.Contains(file);

    /// <summary>The lists <paramref name="listing"/> declared.</summary>
    public ImmutableArray<ListDeclaration> Of(object listing) => Declarations.TryGetValue(listing, out var lists) ? lists : [];

    /// <summary>The plan made by <paramref name="pipeline"/>, as seen from <paramref name="context"/>.</summary>
    public static OutputPlan In(PipelineContext context, string pipeline) => context.OutputsOf<OutputPlan>(pipeline).Single();

    /// <summary>
    /// Which documents a module that makes each one's page renders: those whose page this plan makes,
    /// of the language <paramref name="holds"/> keeps (by each one's <paramref name="lang"/>); null for
    /// every document, when the plan makes every file and the module holds every language.
    /// </summary>
    public Func<T, bool>? Selected<T>(Func<string?, bool>? holds, Func<T, string?> lang)
        where T : Content.ContentDocument => (All, holds) switch
        {
            (false, null) => input => Makes(input.Destination!),
            (false, { } language) => input => language(lang(input)) && Makes(input.Destination!),
            (true, { } language) => input => language(lang(input)),
            _ => null,
        };
}
