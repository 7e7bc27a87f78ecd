using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Renders the demands index in four orders (by topic, most raised, most recent, momentum) with
/// <c>templates/demands.liquid</c>, a paginated page per demand with <c>templates/demand.liquid</c>,
/// and <c>demands.json</c>. A list per demand, of the articles that raised it, headed by its summary and
/// their wordings; the index, of no articles, headed by every summary; demands.json, headed by
/// everything it tells (<see cref="DemandsJson.Key"/>).
/// </summary>
/// <param name="theme">Renders the pages.</param>
/// <param name="views">Makes what the pages and demands.json show.</param>
/// <param name="indexPipeline">The pipeline of the index.</param>
/// <param name="sitePipeline">The pipeline of the site.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="pageSize">Entries per page.</param>
/// <param name="jsonParts">
/// Each demand's object in demands.json as an earlier build of this process made it, by demand: a demand
/// the index took from that build as it was is the same object, and its part is not made again.
/// </param>
/// <param name="languageIndexes">
/// In a site of several languages, the index of each language by its code: a demand of demands.yml
/// raised in more than one links its page in each.
/// </param>
public sealed class RenderDemandPages(
    Theme theme,
    ViewFactory views,
    string indexPipeline,
    string sitePipeline,
    string planPipeline,
    int pageSize,
    IReadOnlyDictionary<Demand, byte[]>? jsonParts = null,
    IReadOnlyList<(string Language, string Pipeline)>? languageIndexes = null) : IModule, IListing
{
    /// <summary>The template of the index.</summary>
    public const string IndexTemplate = "demands";

    /// <summary>The template of one demand's page.</summary>
    public const string DemandTemplate = "demand";

    /// <summary>The path of the index.</summary>
    public const string IndexPath = "demands/";

    /// <summary>The machine-readable data's file.</summary>
    public const string JsonFile = ReservedPaths.DemandsJson;

    // Each order of the index: its page, and the keys of its name and of its page's title (the first's is 'demands').
    private static readonly (string Order, string Path)[] Orders =
    [
        ("topic", IndexPath),
        ("most-raised", UrlScheme.Demand("most-raised")),
        ("recent", UrlScheme.Demand("recent")),
        ("momentum", UrlScheme.Demand("momentum")),
    ];

    // The key of a string about an order: demand_order_most_raised.
    private static string OrderKey(string prefix, string order) => prefix + order.Replace('-', '_');

    /// <summary>How many months before the newest article count towards a demand's momentum.</summary>
    public const int MomentumMonths = 6;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline).Index;
        var site = SiteDocument.In(context, sitePipeline);
        var lists = new ListDeclaration[index.Demands.Length];
        var summaries = ImmutableArray.CreateBuilder<DemandSummaryView>(index.Demands.Length);
        var indexHeader = new KeyBuilder().Add(index.Demands.Length);
        var versions = Versions(context);
        var made = new DemandList[index.Demands.Length];
        Parallel.For(0, made.Length, i => made[i] = Declared(index.Demands[i], index, index.Demands[i].Id.Length > 0 ? versions.GetValueOrDefault(index.Demands[i].Id, []) : []));
        for (var i = 0; i < made.Length; i++)
        {
            var declared = made[i];
            lists[i] = declared.List;
            summaries.Add(declared.Summary);
            indexHeader.Add(declared.SummaryKey);
        }

        var all = summaries.MoveToImmutable();
        var momentum = Momentum(index.Demands, all);
        indexHeader.Add(momentum.Until);
        foreach (var (demand, recent) in momentum.Demands)
        {
            indexHeader.Add(demand.Slug).Add(recent);
        }

        return
        [
            .. lists,
            new ListDeclaration(views.Prefix + IndexPath, [], indexHeader.Finish(), [.. Orders.Select(o => new ListFile(UrlScheme.File(views.Prefix + o.Path), InSitemap: true))], new IndexItem(all, momentum)),
            ListDeclaration.Single(views.Prefix + JsonFile, DemandsJson.Key(index.Demands, views, site.Key)),
        ];
    }

    // Each demand with how many articles raised it in the months up to the newest article's day (not the
    // day of the build: the same articles make the same pages), most first; then by count and recency.
    private (string Until, string UntilDisplay, ImmutableArray<MomentumView> Demands) Momentum(ImmutableArray<Demand> demands, ImmutableArray<DemandSummaryView> summaries)
    {
        if (demands.Length == 0)
        {
            return (string.Empty, string.Empty, []);
        }

        var newest = demands.Max(d => d.Last);
        var since = newest.AddMonths(-MomentumMonths);
        var ranked = demands.Select((d, i) => new MomentumView(summaries[i], d.Entries.Count(e => e.Article.FrontMatter.Date > since)))
            .OrderByDescending(m => m.Recent).ThenByDescending(m => m.Demand.Count).ThenByDescending(m => m.Demand.LastIso, StringComparer.Ordinal).ThenBy(m => m.Demand.Slug, StringComparer.Ordinal)
            .ToImmutableArray();
        return (ViewFactory.Iso(newest), views.Display(newest), ranked);
    }

    private sealed record IndexItem(ImmutableArray<DemandSummaryView> Summaries, (string Until, string UntilDisplay, ImmutableArray<MomentumView> Demands) Momentum);

    // One demand's list, as an earlier build declared it when the demand is the same object and its
    // sections are named and placed as then: a demand no edit touched is not summarised again.
    private DemandList Declared(Demand demand, SiteIndex index, ImmutableArray<TranslationLink> versions)
    {
        var sections = demand.Sections.Select(s => index.Section(s) is { } term ? (term.Name, term.Path) : (s, string.Empty)).ToImmutableArray();
        if (DemandLists.TryGetValue(demand, out var known) && known.Views == views && known.PageSize == pageSize && known.Sections.SequenceEqual(sections) && known.Versions.SequenceEqual(versions))
        {
            return known;
        }

        var summary = views.Demand(demand, index) with { Translations = versions.Length > 1 ? views.Versions(versions, demand.Path) : [] };
        var header = new KeyBuilder().AddView(summary);
        foreach (var entry in demand.Entries)
        {
            header.Add(entry.Wording);
        }

        var list = new ListDeclaration(
            demand.Path,
            [.. demand.Entries.Select(e => e.Article)],
            header.Finish(),
            ListingPages.Files(demand.Entries, pageSize, demand.Path, e => e.Article),
            (demand, summary));
        var made = new DemandList(views, pageSize, sections, versions, summary, KeyBuilder.Of(summary), list);
        DemandLists.AddOrUpdate(demand, made);
        return made;
    }

    // Each demand's list and summary, by demand, for as long as the demand lives.
    private static readonly ConditionalWeakTable<Demand, DemandList> DemandLists = [];

    private sealed record DemandList(ViewFactory Views, int PageSize, ImmutableArray<(string Name, string Path)> Sections, ImmutableArray<TranslationLink> Versions, DemandSummaryView Summary, Hash128 SummaryKey, ListDeclaration List);

    // The page of each demand of demands.yml in every language that raises it, by id, in the order of the site's languages.
    private Dictionary<string, ImmutableArray<TranslationLink>> Versions(PipelineContext context)
    {
        var versions = new Dictionary<string, ImmutableArray<TranslationLink>>(StringComparer.Ordinal);
        foreach (var (language, pipeline) in languageIndexes ?? [])
        {
            foreach (var demand in IndexDocument.In(context, pipeline).Index.Demands.Where(d => d.Id.Length > 0))
            {
                versions[demand.Id] = versions.GetValueOrDefault(demand.Id, []).Add(new TranslationLink(language, demand.Path));
            }
        }

        return versions;
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var site = SiteDocument.In(context, sitePipeline);
        var plan = OutputPlan.In(context, planPipeline);
        var lists = plan.Of(this);
        var demandPages = lists.Where(l => l.Item is (Demand, DemandSummaryView))
            .SelectMany(list => DemandPages(list, index, plan))
            .ToList();
        var item = lists.Select(l => l.Item).OfType<IndexItem>().Single();
        var pages = Orders.Where(o => plan.Makes(UrlScheme.File(views.Prefix + o.Path))).Select(order => IndexPage(order, item)).ToList();

        // Each demand's part is made when the file is written, or when the next edit asks for it: an
        // unchanged file's key matches the last build's, and its parts are not needed.
        var parts = Parts(index.Index.Demands, views, jsonParts);
        return
        [
            .. ListingPages.Render(pages, IndexTemplate, theme, site),
            .. ListingPages.Render(demandPages, DemandTemplate, theme, site),
            .. plan.Makes(views.Prefix + JsonFile) ? [Json(views.Prefix + JsonFile, parts, lists.Single(l => l.Id == views.Prefix + JsonFile).Header)] : Array.Empty<Document>(),
            new DemandsJsonDocument(parts),
        ];
    }

    private static OutputFile Json(string file, PartsByDemand parts, Hash128 key) => new()
    {
        Destination = file,
        Render = OutputFile.Writing(stream => DemandsJson.Write(stream, parts.InOrder)),
        Key = key,
    };

    /// <summary>
    /// Each demand's object in demands.json (<see cref="DemandsJson.Part"/>), by demand (by reference),
    /// all made when one is first read: those <paramref name="reuse"/> has taken from it.
    /// </summary>
    /// <param name="demands">The demands of the index.</param>
    /// <param name="views">Makes the views the parts are made from.</param>
    /// <param name="reuse">Parts made before, by demand, for the demands an edit left as they were.</param>
    internal static PartsByDemand Parts(ImmutableArray<Demand> demands, ViewFactory views, IReadOnlyDictionary<Demand, byte[]>? reuse = null) =>
        new(demands, new Lazy<byte[][]>(() =>
        {
            var made = new byte[demands.Length][];
            Parallel.For(0, demands.Length, i => made[i] = reuse?.GetValueOrDefault(demands[i]) ?? DemandsJson.Part(demands[i], views));
            return made;
        }));

    /// <summary>The parts of demands.json by demand, made when first read.</summary>
    internal sealed class PartsByDemand(ImmutableArray<Demand> demands, Lazy<byte[][]> parts) : IReadOnlyDictionary<Demand, byte[]>
    {
        private readonly Lazy<Dictionary<Demand, byte[]>> _byDemand = new(() =>
        {
            var byDemand = new Dictionary<Demand, byte[]>(demands.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < demands.Length; i++)
            {
                byDemand[demands[i]] = parts.Value[i];
            }

            return byDemand;
        });

        /// <summary>The parts in the order of the demands.</summary>
        public byte[][] InOrder => parts.Value;

        public int Count => demands.Length;

        public IEnumerable<Demand> Keys => demands;

        public IEnumerable<byte[]> Values => parts.Value;

        public byte[] this[Demand key] => _byDemand.Value[key];

        // Without making the parts: an edit asks which demands have one before it knows it needs any.
        public bool ContainsKey(Demand key) => demands.Contains(key, ReferenceEqualityComparer.Instance);

        public bool TryGetValue(Demand key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value) => _byDemand.Value.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<Demand, byte[]>> GetEnumerator() => _byDemand.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private ListingPage IndexPage((string Order, string Path) order, IndexItem item)
    {
        var summaries = item.Summaries;
        var ordered = order.Order switch
        {
            "recent" => [.. summaries.OrderByDescending(d => d.LastIso, StringComparer.Ordinal).ThenByDescending(d => d.Count).ThenBy(d => d.Slug, StringComparer.Ordinal)],
            "momentum" => [.. item.Momentum.Demands.Select(m => m.Demand)],
            _ => summaries,
        };

        // By topic, what was won comes first, most recently won first, and is in no topic.
        var won = order.Order == "topic"
            ? summaries.Where(d => d.Won is not null).OrderByDescending(d => d.Won!.Iso, StringComparer.Ordinal).ThenBy(d => d.Slug, StringComparer.Ordinal).ToImmutableArray()
            : [];
        var topics = order.Order == "topic"
            ? summaries.Where(d => d.Won is null).GroupBy(d => d.Topic, StringComparer.Ordinal)
                .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TopicView(g.Key, [.. g]))
                .ToImmutableArray()
            : [];
        var view = new DemandsIndexView
        {
            Order = order.Order,
            Topics = topics,
            Demands = ordered,
            Won = won,
            Momentum = order.Order == "momentum" ? item.Momentum.Demands : [],
            MomentumMonths = MomentumMonths,
            MomentumUntil = item.Momentum.UntilDisplay,
            Total = summaries.Length,
            Orders = [.. Orders.Select(o => new DemandOrderView(views.Strings.Get(OrderKey("demand_order_", o.Order)), views.Url(views.Prefix + o.Path), o.Order == order.Order))],
            JsonUrl = views.Url(views.Prefix + JsonFile),
        };
        var title = views.Strings.Get(order.Order == "topic" ? "demands" : OrderKey("demands_title_", order.Order));
        return new ListingPage(views.Prefix + order.Path, views.Meta("demands", title, views.Strings.Get("demands_description"), views.Prefix + order.Path), [new("demands_index", view)]);
    }

    private IEnumerable<ListingPage> DemandPages(ListDeclaration list, IndexDocument index, OutputPlan plan)
    {
        var (demand, summary) = ((Demand, DemandSummaryView))list.Item!;
        var description = views.Strings.Plural("demand_description", summary.Count, ("date", summary.FirstDisplay));
        return ListingPages.Made(list, demand.Entries, plan).Select(p => new ListingPage(
            p.Path,
            p.Number == 1
                ? ViewFactory.WithVersions(views.Meta("demand", ListingPages.Title(demand.Text, p.Number, views.Strings), description, p.Path, feedPath: demand.Path + RenderFeeds.Rss), summary.Translations, views.Config)
                : views.Meta("demand", ListingPages.Title(demand.Text, p.Number, views.Strings), description, p.Path, feedPath: demand.Path + RenderFeeds.Rss),
            [
                new("demand", summary),
                new("entries", p.Items.Select(e => new DemandEntryView(index.ViewOf(e.Article), e.Wording)).ToImmutableArray()),
                new("pagination", views.Pagination(demand.Path, p.Number, p.Count, demand.Entries.Length)),
            ],
            ListingPages.Newest(p.Items.Select(e => e.Article))));
    }
}

/// <summary>Each demand's object in demands.json, by demand, for the next build of the process to take from.</summary>
/// <param name="Parts">The parts, made when first read.</param>
public sealed record DemandsJsonDocument(IReadOnlyDictionary<Demand, byte[]> Parts) : Document;
