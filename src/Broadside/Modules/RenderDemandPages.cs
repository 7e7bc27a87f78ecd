using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Renders the demands index in three orders (by topic, most raised, most recent) with
/// <c>templates/demands.liquid</c>, a paginated page per demand with <c>templates/demand.liquid</c>,
/// and <c>demands.json</c>.
/// </summary>
/// <remarks>
/// Given an <see cref="EditScope"/>, only the pages it names are made (<see cref="Site.EditBuild"/>). The index
/// shows demands, counts, dates and sections, and is made when a list changed; demands.json also names the articles,
/// and is written again when <c>jsonChanged</c> says the edit changed what it tells, with the
/// <see cref="JsonParts"/> of the last build, <c>jsonParts</c>, for the demands the edit left as they were.
/// </remarks>
public sealed class RenderDemandPages(
    Theme theme,
    ViewFactory views,
    string indexPipeline,
    string sitePipeline,
    int pageSize,
    EditScope? scope = null,
    bool jsonChanged = false,
    IReadOnlyDictionary<Demand, byte[]>? jsonParts = null) : IModule
{
    /// <summary>The template of the index.</summary>
    public const string IndexTemplate = "demands";

    /// <summary>The template of one demand's page.</summary>
    public const string DemandTemplate = "demand";

    /// <summary>The path of the index.</summary>
    public const string IndexPath = "demands/";

    /// <summary>The machine-readable data's file.</summary>
    public const string JsonFile = ReservedPaths.DemandsJson;

    private static readonly (string Order, string Name, string Path)[] Orders =
    [
        ("topic", "By topic", IndexPath),
        ("most-raised", "Most raised", IndexPath + "most-raised/"),
        ("recent", "Most recent", IndexPath + "recent/"),
    ];

    /// <summary>
    /// Each demand's object in demands.json (<see cref="DemandsJson.Part"/>), by demand (by reference), as
    /// the last run made or kept it; empty until it has run.
    /// </summary>
    public IReadOnlyDictionary<Demand, byte[]> JsonParts { get; private set; } = ImmutableDictionary<Demand, byte[]>.Empty;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var site = SiteDocument.In(context, sitePipeline);
        var demands = index.Index.Demands;
        var summaries = demands.Select(d => views.Demand(d, index.Index)).ToImmutableArray();
        var demandPages = demands.Zip(summaries)
            .Where(pair => ListingPages.Makes(scope, pair.First.Path, pair.First.Entries.Select(e => e.Article)))
            .SelectMany(pair => DemandPages(pair.First, pair.Second, index))
            .ToList();
        var made = ListingPages.Render(demandPages, DemandTemplate, theme, site);
        var json = Json(demands, site);
        var pages = scope is { ListsChanged: false } ? [] : Orders.Select(order => IndexPage(order, summaries)).ToList();
        return [.. ListingPages.Render(pages, IndexTemplate, theme, site), .. made, .. scope is null || jsonChanged ? [json] : Array.Empty<Document>()];
    }

    private OutputFile Json(ImmutableArray<Demand> demands, SiteDocument site)
    {
        // Each demand's part is made when the file is written, or when an edit asks for it: an unchanged
        // file's key matches the last build's, and its parts are not needed. A demand an edit left as it
        // was is the same object, and its part is the last build's.
        var parts = Parts(demands, views, jsonParts);
        JsonParts = parts;
        return new OutputFile
        {
            Destination = JsonFile,
            Render = OutputFile.Writing(stream => DemandsJson.Write(stream, parts.InOrder)),
            Key = DemandsJson.Key(demands, views, site.Key),
        };
    }

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

    private ListingPage IndexPage((string Order, string Name, string Path) order, ImmutableArray<DemandSummaryView> summaries)
    {
        var ordered = order.Order switch
        {
            "recent" => [.. summaries.OrderByDescending(d => d.LastIso, StringComparer.Ordinal).ThenByDescending(d => d.Count).ThenBy(d => d.Slug, StringComparer.Ordinal)],
            _ => summaries,
        };
        var topics = order.Order == "topic"
            ? summaries.GroupBy(d => d.Topic, StringComparer.Ordinal)
                .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TopicView(g.Key, [.. g]))
                .ToImmutableArray()
            : [];
        var view = new DemandsIndexView
        {
            Order = order.Order,
            Topics = topics,
            Demands = ordered,
            Total = summaries.Length,
            Orders = [.. Orders.Select(o => new DemandOrderView(o.Name, views.Url(o.Path), o.Order == order.Order))],
            JsonUrl = views.Url(JsonFile),
        };
        var title = order.Order == "topic" ? "Demands" : $"Demands: {order.Name.ToLowerInvariant()}";
        return new ListingPage(order.Path, views.Meta("demands", title, "Every demand the publication has raised, how often and when.", order.Path), [new("demands_index", view)]);
    }

    private IEnumerable<ListingPage> DemandPages(Demand demand, DemandSummaryView summary, IndexDocument index)
    {
        var description = $"Raised in {summary.Count} article{(summary.Count == 1 ? string.Empty : "s")} since {summary.FirstDisplay}.";
        return ListingPages.Split(demand.Entries, pageSize, demand.Path).Where(p => ListingPages.Makes(scope, demand.Path, p.Items.Select(e => e.Article))).Select(p => new ListingPage(
            p.Path,
            views.Meta("demand", ListingPages.Title(demand.Text, p.Number), description, p.Path, feedPath: demand.Path + RenderFeeds.Rss),
            [
                new("demand", summary),
                new("entries", p.Items.Select(e => new DemandEntryView(index.ViewOf(e.Article), e.Wording)).ToImmutableArray()),
                new("pagination", views.Pagination(demand.Path, p.Number, p.Count, demand.Entries.Length)),
            ],
            ListingPages.Newest(p.Items.Select(e => e.Article))));
    }
}
