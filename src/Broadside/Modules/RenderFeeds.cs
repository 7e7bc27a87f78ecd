using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Feeds;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Writes the site's RSS, Atom and JSON feeds and an RSS feed for every section, tag, author and
/// demand, next to its page. Each article's entry is made once and shared by every feed that lists it.
/// </summary>
/// <param name="site">The configuration.</param>
/// <param name="views">Makes URLs and archive headers.</param>
/// <param name="indexPipeline">The pipeline of the index.</param>
/// <param name="fingerprint">What every feed's key starts from (<see cref="Site.SiteFingerprint"/>).</param>
/// <param name="scope">Null to make every feed; otherwise only the feeds it names (<see cref="Site.EditBuild"/>).</param>
public sealed class RenderFeeds(SiteConfig site, ViewFactory views, string indexPipeline, UInt128 fingerprint, EditScope? scope = null) : IModule
{
    /// <summary>The site's RSS feed.</summary>
    public const string Rss = ReservedPaths.Rss;

    /// <summary>The site's Atom feed.</summary>
    public const string Atom = ReservedPaths.Atom;

    /// <summary>The site's JSON feed.</summary>
    public const string Json = ReservedPaths.JsonFeed;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var indexDocument = IndexDocument.In(context, indexPipeline);
        var index = indexDocument.Index;
        var size = site.FeedSize;

        bool Made(string list, IEnumerable<Article> articles) => ListingPages.Makes(scope, list, articles.Take(size));
        var siteMade = Made(string.Empty, index.Articles);
        var terms = Terms(index).Where(t => Made(t.Path, t.Articles)).ToList();
        var demands = index.Demands.Where(d => Made(d.Path, d.Entries.Select(e => e.Article))).ToList();

        // Only articles that some feed made lists need an entry.
        var listed = (siteMade ? index.Articles.Take(size) : [])
            .Concat(terms.SelectMany(t => t.Articles.Take(size)))
            .Concat(demands.SelectMany(d => d.Entries.Take(size).Select(e => e.Article)))
            .DistinctBy(a => a.Source)
            .ToArray();
        var factory = new FeedEntryFactory(site, views);
        var entries = new FeedEntry[listed.Length];
        Parallel.For(0, listed.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i => entries[i] = factory.Create(listed[i], index));
        var bySource = listed.Select((a, i) => (a.Source!, entries[i])).ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        ImmutableArray<FeedEntry> Entries(IEnumerable<Article> articles) => [.. articles.Take(size).Select(a => bySource[a.Source!])];

        // A feed's key: what its header says and the views of the articles it lists.
        UInt128 Key(string path, FeedDefinition definition, IEnumerable<Article> articles)
        {
            var key = new KeyBuilder().Add(fingerprint).Add(path).AddView(definition with { Entries = [] });
            foreach (var article in articles.Take(size))
            {
                key.AddView(indexDocument.ViewOf(article));
            }

            return key.Finish();
        }

        var feeds = terms
            .Select(term => (Path: term.Path + Rss, Definition: Definition(TermTitle(term), views.Archive(term).Description, term.Path, term.Path + Rss, Entries(term.Articles)), Articles: term.Articles.AsEnumerable()))
            .Concat(demands.Select(demand => (Path: demand.Path + Rss, Definition: Definition(
                $"{site.Title}: \u201C{demand.Text}\u201D",
                $"Articles that raised the demand \u201C{demand.Text}\u201D.",
                demand.Path,
                demand.Path + Rss,
                Entries(demand.Entries.Select(e => e.Article))), Articles: demand.Entries.Select(e => e.Article))))
            .ToList();

        var siteFeed = siteMade ? Definition(site.Title, site.Description, string.Empty, Rss, Entries(index.Articles)) : null;
        ImmutableArray<Document> siteFeeds = siteFeed is null ? [] :
        [
            new OutputFile { Destination = Rss, Render = OutputFile.Writing(buffer => SyndicationWriter.WriteRss(siteFeed, buffer)), Key = Key(Rss, siteFeed, index.Articles) },
            new OutputFile { Destination = Atom, Render = OutputFile.Writing(buffer => buffer.Write(Encoding.UTF8.GetBytes(SyndicationWriter.Atom(siteFeed with { SelfUrl = FeedUrl(Atom) })))), Key = Key(Atom, siteFeed, index.Articles) },
            new OutputFile { Destination = Json, Render = OutputFile.Writing(buffer => buffer.Write(Encoding.UTF8.GetBytes(JsonFeedWriter.Write(siteFeed with { SelfUrl = FeedUrl(Json) })))), Key = Key(Json, siteFeed, index.Articles) },
        ];

        // Feeds are written as they are made, so a large site never holds them all at once.
        return
        [
            .. siteFeeds,
            .. feeds.Select(feed => new OutputFile
            {
                Destination = feed.Path,
                Render = OutputFile.Writing(buffer => SyndicationWriter.WriteRss(feed.Definition, buffer)),
                Key = Key(feed.Path, feed.Definition, feed.Articles),
            }),
        ];
    }

    /// <summary>The terms that have feeds: sections, tags and authors.</summary>
    private static IEnumerable<Term> Terms(SiteIndex index) => index.Sections.Concat(index.Tags).Concat(index.Authors);

    private string TermTitle(Term term) => term.Kind switch
    {
        TermKind.Section => $"{site.Title}: {term.Name}",
        TermKind.Tag => $"{site.Title}: {term.Name}",
        TermKind.Author => $"{site.Title}: articles by {term.Name}",
        _ => site.Title,
    };

    private FeedDefinition Definition(string title, string description, string homePath, string selfPath, ImmutableArray<FeedEntry> entries) => new()
    {
        Title = title,
        Description = description.Length > 0 ? description : site.Description.Length > 0 ? site.Description : site.Title,
        HomeUrl = views.AbsoluteUrl(homePath),
        SelfUrl = FeedUrl(selfPath),
        Language = site.Language,
        Entries = entries,
    };

    private string FeedUrl(string path) => site.FeedBaseUrl.AbsoluteUri + path;
}
