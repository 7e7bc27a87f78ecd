using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Feeds;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Taxonomy;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Writes the site's RSS, Atom and JSON feeds and an RSS feed for every section, tag, author and
/// demand, next to its page. Each article's entry is made once and shared by every feed that lists it.
/// A list per feed (the site's three are one), of the articles it holds, headed by its title and description.
/// </summary>
/// <param name="site">The configuration.</param>
/// <param name="views">Makes URLs and archive headers.</param>
/// <param name="indexPipeline">The pipeline of the index.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="fingerprint">What every feed's key starts from (the build's fingerprint of its code, theme and settings).</param>
public sealed class RenderFeeds(SiteConfig site, ViewFactory views, string indexPipeline, string planPipeline, Hash128 fingerprint) : IModule, IListing
{
    /// <summary>The site's RSS feed.</summary>
    public const string Rss = ReservedPaths.Rss;

    /// <summary>The site's Atom feed.</summary>
    public const string Atom = ReservedPaths.Atom;

    /// <summary>The site's JSON feed.</summary>
    public const string Json = ReservedPaths.JsonFeed;

    // A term's or demand's feed depends on it alone, with the configuration the views are made from
    // (the site's title, the feed's size).
    private static readonly ListMemo<Term> TermFeeds = new();
    private static readonly ListMemo<Demand> DemandFeeds = new();

    // What a demand's feed is about: the demand, its explanation, and its victory once won.
    private static string FeedDescription(Demand demand, ViewFactory views)
    {
        var description = views.Strings.Get("feed_demand_description", ("demand", views.Strings.Get("quoted", ("text", demand.Text))));
        if (demand.Explanation.Length > 0)
        {
            description += " " + demand.Explanation;
        }

        if (demand.Won is { } won)
        {
            var count = demand.CountBeforeWon(views.TimeZone);
            description += " " + views.Strings.Plural("feed_won", count, ("date", won.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return description;
    }

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline).Index;
        var size = site.FeedSize;
        ListDeclaration Feed(string path, FeedDefinition definition, IEnumerable<Article> articles, params string[] files)
        {
            var shown = articles.Take(size).ToImmutableArray();
            return new ListDeclaration(path, shown, KeyBuilder.Of(definition), [.. files.Select(f => new ListFile(f, 0, shown.Length))], definition);
        }

        var prefix = views.Prefix;
        yield return Feed(prefix + Rss, Definition(site.Title, site.Description, prefix, prefix + Rss), index.Articles, prefix + Rss, prefix + Atom, prefix + Json);
        foreach (var term in Terms(index))
        {
            yield return TermFeeds.Of(term, views, term => Feed(term.Path + Rss, Definition(TermTitle(term), views.Archive(term).Description, term.Path, term.Path + Rss), term.Articles, term.Path + Rss));
        }

        foreach (var demand in index.Demands)
        {
            yield return DemandFeeds.Of(demand, views, demand =>
            {
                var title = views.Strings.Get("feed_title", ("site", site.Title), ("title", views.Strings.Get("quoted", ("text", demand.Text))));
                var definition = Definition(title, FeedDescription(demand, views), demand.Path, demand.Path + Rss);
                return Feed(demand.Path + Rss, definition, demand.Entries.Select(e => e.Article), demand.Path + Rss);
            });
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var indexDocument = IndexDocument.In(context, indexPipeline);
        var index = indexDocument.Index;
        var plan = OutputPlan.In(context, planPipeline);
        var feeds = plan.Of(this).SelectMany(list => list.Files.Where(f => plan.Makes(f.Path)).Select(f => (File: f.Path, List: list))).ToList();

        // Only articles that some feed made lists need an entry.
        var listed = feeds.SelectMany(f => f.List.Articles).DistinctBy(a => a.Source).ToArray();
        var factory = new FeedEntryFactory(site, views);
        var entries = new FeedEntry[listed.Length];
        Parallel.For(0, listed.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i => entries[i] = factory.Create(listed[i], index));
        var bySource = listed.Select((a, i) => (a.Source!, entries[i])).ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        // A feed's key: what its header says and the views of the articles it lists.
        Hash128 Key(string path, ListDeclaration list)
        {
            var key = new KeyBuilder().Add(fingerprint).Add(path).Add(list.Header);
            foreach (var article in list.Articles)
            {
                key.AddView(indexDocument.ViewOf(article));
            }

            return key.Finish();
        }

        // Feeds are written as they are made, so a large site never holds them all at once.
        return [.. feeds.Select(feed =>
        {
            var definition = (FeedDefinition)feed.List.Item! with { Entries = [.. feed.List.Articles.Select(a => bySource[a.Source!])] };
            var name = feed.File.AsSpan(views.Prefix.Length);
            Action<Stream> write = name switch
            {
                Atom => buffer => buffer.Write(Encoding.UTF8.GetBytes(SyndicationWriter.Atom(definition with { SelfUrl = FeedUrl(feed.File) }))),
                Json => buffer => buffer.Write(Encoding.UTF8.GetBytes(JsonFeedWriter.Write(definition with { SelfUrl = FeedUrl(feed.File) }))),
                _ => buffer => SyndicationWriter.WriteRss(definition, buffer),
            };
            return (Document)new OutputFile { Destination = feed.File, Render = OutputFile.Writing(write), Key = Key(feed.File, feed.List) };
        })];
    }

    /// <summary>The terms that have feeds: sections, tags, authors and series.</summary>
    private static IEnumerable<Term> Terms(SiteIndex index) => index.Sections.Concat(index.Tags).Concat(index.Authors).Concat(index.Series);

    private string TermTitle(Term term) => term.Kind switch
    {
        TermKind.Section or TermKind.Tag or TermKind.Series => views.Strings.Get("feed_title", ("site", site.Title), ("title", term.Name)),
        TermKind.Author => views.Strings.Get("feed_title_author", ("site", site.Title), ("name", term.Name)),
        _ => site.Title,
    };

    private FeedDefinition Definition(string title, string description, string homePath, string selfPath) => new()
    {
        Title = title,
        Description = description.Length > 0 ? description : site.Description.Length > 0 ? site.Description : site.Title,
        HomeUrl = views.AbsoluteUrl(homePath),
        SelfUrl = FeedUrl(selfPath),
        Language = site.Language,

        // The icons are the publication's, at the root of every language's site.
        Icon = views.Icons ? site.FeedBaseUrl.AbsoluteUri + ViewFactory.LargeIconPath : string.Empty,
        Favicon = views.Icons ? site.FeedBaseUrl.AbsoluteUri + ViewFactory.SmallIconPath : string.Empty,
        Entries = [],
    };

    private string FeedUrl(string path) => site.FeedBaseUrl.AbsoluteUri + UrlScheme.Escaped(path);
}
