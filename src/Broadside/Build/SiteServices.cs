using Broadside.Caching;
using Broadside.Configuration;
using Broadside.Markdown;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Build;

/// <summary>What the pipelines share, built once per build and read-only afterwards.</summary>
public sealed record SiteServices
{
    public required BuildOptions Options { get; init; }

    public required SiteConfig Config { get; init; }

    public required MarkdownRenderer Markdown { get; init; }

    public required ViewFactory Views { get; init; }

    /// <summary>The views of each of the site's languages, in the order of <see cref="SiteConfig.AllLanguages"/>; empty for a site in one language, whose are <see cref="Views"/>.</summary>
    public System.Collections.Immutable.ImmutableArray<ViewFactory> LanguageViews { get; init; } = [];

    /// <summary>The views of language <paramref name="number"/> of <see cref="SiteConfig.AllLanguages"/>.</summary>
    public ViewFactory ViewsIn(int number) => LanguageViews.IsDefaultOrEmpty ? Views : LanguageViews[number];

    /// <summary>The views of the site's language an article or page in <paramref name="tag"/> belongs to (<see cref="SiteConfig.LanguageOf"/>); <see cref="Views"/> for none of them.</summary>
    public ViewFactory ViewsFor(string? tag) =>
        Config.LanguageOf(tag) is { } language && Config.AllLanguages.IndexOf(language) is var number and >= 0 ? ViewsIn(number) : Views;

    public required Theme Theme { get; init; }

    public required WriteStatistics Statistics { get; init; }

    /// <summary>Where the site is written, staged and swapped in when the build succeeds.</summary>
    public required StagedOutput Output { get; init; }

    /// <summary>What every page's key starts from (<see cref="SiteFingerprint"/>).</summary>
    public required Hash128 Fingerprint { get; init; }

    /// <summary><see cref="Fingerprint"/> part by part (<see cref="SiteFingerprint.Parts"/>).</summary>
    public required System.Collections.Immutable.ImmutableArray<(string Part, Hash128 Hash)> FingerprintParts { get; init; }

    /// <summary>Articles kept on disk by earlier builds (<see cref="BuildOptions.CacheFolder"/>), or null.</summary>
    public ArticleCache? Articles { get; init; }

    /// <summary>The files made of pictures, kept between builds (<see cref="BuildOptions.CacheFolder"/>) or for this one.</summary>
    public Broadside.Pictures.PictureStore Pictures { get; init; } = new(null);

    /// <summary>How the theme draws social cards; null when it ships no fonts for them.</summary>
    public Broadside.Pictures.CardStyle? Cards { get; init; }

    /// <summary>The full path of the theme's icon (<c>assets/favicon.svg</c>), which the build publishes as PNGs; null when the theme has none, or pictures cannot be made.</summary>
    public string? Icon { get; init; }

    /// <summary>Shows a path relative to the working folder, as diagnostics print it.</summary>
    public required Func<string, string> Display { get; init; }
}
