using System.Collections.Immutable;
using Broadside.Output;

namespace Broadside.Templates.Views;

/// <summary>An article as templates see it (<c>article</c>, items of <c>articles</c>).</summary>
public sealed record ArticleView : IKeyed
{
    public required string Title { get; init; }

    /// <summary>Root-relative URL.</summary>
    public required string Url { get; init; }

    /// <summary>Absolute URL of the article on this site, for share links and print.</summary>
    public required string Permalink { get; init; }

    /// <summary>Plain-text standfirst.</summary>
    public required string Summary { get; init; }

    /// <summary>The body, HTML.</summary>
    public required RawHtml Content { get; init; }

    /// <summary>True when the body shows a click-to-load video player: the page loads the player's script.</summary>
    public bool Players { get; init; }

    public required LinkView Section { get; init; }

    public required ImmutableArray<LinkView> Authors { get; init; }

    public required string DateIso { get; init; }

    public required string DateDisplay { get; init; }

    public required string UpdatedIso { get; init; }

    public required string UpdatedDisplay { get; init; }

    public required ImmutableArray<LinkView> Tags { get; init; }

    /// <summary>The series the article is a part of, with every part; null for none.</summary>
    public SeriesView? Series { get; init; }

    /// <summary>Corrections made after publication, oldest first; empty for none.</summary>
    public ImmutableArray<CorrectionView> Corrections { get; init; } = [];

    /// <summary>
    /// The table of contents: the body's <c>##</c> headings, each with its <c>###</c> headings; empty
    /// when the article is too short for one (fewer than <see cref="ViewFactory.ContentsHeadings"/>
    /// sub-headings) or its front matter says <c>toc: false</c>.
    /// </summary>
    public ImmutableArray<HeadingView> Contents { get; init; } = [];

    public required ImmutableArray<DemandView> Demands { get; init; }

    /// <summary>Up to three articles that share its tags and demands.</summary>
    public required ImmutableArray<ArticleLinkView> Related { get; init; }

    public required string Image { get; init; }

    public required string ImageAlt { get; init; }

    /// <summary>The lead picture, in every size and format, with its caption and credit; null without one, or for a picture on another site.</summary>
    public Pictures.PictureView? Picture { get; init; }

    /// <summary>The absolute URL of its social card (1200 by 630): its lead picture's, its own with its headline, or the publication's; empty when the build draws none.</summary>
    public string SocialCard { get; init; } = string.Empty;

    /// <summary>The article's language when it differs from the site's, else empty.</summary>
    public required string Lang { get; init; }

    /// <summary>The direction of <see cref="Lang"/> when it is given: <c>ltr</c> or <c>rtl</c>.</summary>
    public string Dir { get; init; } = "ltr";

    /// <summary>Its versions in the site's languages, itself among them; empty when it has none.</summary>
    public System.Collections.Immutable.ImmutableArray<LanguageLinkView> Translations { get; init; } = [];

    public required string Canonical { get; init; }

    public required int ReadingMinutes { get; init; }

    public required int WordCount { get; init; }

    /// <summary>
    /// The article's card, <c>partials/article-card.liquid</c> rendered once and shared by every list
    /// that shows the article (home, archives, demand pages); empty when the theme has no such partial.
    /// </summary>
    public RawHtml Card { get; init; } = new(string.Empty);

    /// <summary>
    /// A hash of the article's file and of everything its view takes from the rest of the site (term
    /// names, demand pages, related articles): page keys use it for the whole view. Zero until set.
    /// </summary>
    internal Hash128 Key { get; init; }

    /// <summary>Values of the theme's extra front matter keys.</summary>
    public required ImmutableDictionary<string, object?> Extra { get; init; }

    bool IKeyed.AddKey(KeyBuilder builder)
    {
        if (Key == default)
        {
            return false;
        }

        builder.Add(Key);
        return true;
    }
}
