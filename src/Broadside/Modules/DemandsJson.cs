using System.Runtime.CompilerServices;
using System.Text.Json;
using Broadside.Content;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Writes <c>demands.json</c>: every demand with its headline, explanation, status, topic, counts, dates,
/// wordings and articles (documented in README.md, its format in <c>docs/demands.schema.json</c>).
/// Each demand's object is made on its own (<see cref="Part"/>), so that an edit build makes again only
/// those of the demands an edited article raises and copies the others from the last build.
/// </summary>
public static class DemandsJson
{
    /// <summary>The format's version; raised when a field changes meaning or goes away.</summary>
    public const int Version = 2;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // The file is served as application/json, never inlined in HTML, so letters of every script stay readable.
        Encoder = JsonTextEncoder.ForFiles,
    };

    /// <summary>Writes the file to <paramref name="stream"/>: the demands' <paramref name="parts"/> (<see cref="Part"/>), most raised first.</summary>
    public static void Write(Stream stream, IReadOnlyList<byte[]> parts)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteNumber("count", parts.Count);
            json.WriteStartArray("demands");
            foreach (var part in parts)
            {
                // Made by the same writer, and indented as it stands here. Each is passed on at once rather
                // than gathered in the writer's own buffer, which would grow to the size of the file.
                json.WriteRawValue(part, skipInputValidation: true);
                json.Flush();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The object of <paramref name="demand"/> in the file, indented as it stands in the list of demands.</summary>
    public static byte[] Part(Demand demand, ViewFactory views)
    {
        using var stream = new MemoryStream();
        using var json = new Utf8JsonWriter(stream, Options);

        // Written inside the list, which is left open: the part is what the writer adds for one item.
        json.WriteStartObject();
        json.WriteStartArray("demands");
        json.Flush();
        var start = (int)stream.Length;
        json.WriteStartObject();
        json.WriteString("slug", demand.Slug);
        WriteOptional(json, "id", demand.Id);
        json.WriteString("headline", demand.Text);
        WriteOptional(json, "explanation", demand.Explanation);
        json.WriteString("status", demand.Won is null ? "open" : "won");
        WriteOptional(json, "topic", demand.Topic);
        json.WriteBoolean("topic_inferred", demand.TopicInferred);
        json.WriteString("url", views.AbsoluteUrl(demand.Path));
        json.WriteNumber("count", demand.Count);
        json.WriteString("first", ViewFactory.Iso(demand.First));
        json.WriteString("last", ViewFactory.Iso(demand.Last));
        if (demand.Won is { } won)
        {
            json.WriteStartObject("won");
            json.WriteString("date", won.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("articles_before", demand.CountBeforeWon(views.TimeZone));
            if (demand.WonArticle is { } report)
            {
                json.WriteString("report", views.AbsoluteUrl(report.Path));
            }
            else
            {
                json.WriteNull("report");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("won");
        }
        json.WriteStartArray("sections");
        foreach (var section in demand.Sections)
        {
            json.WriteStringValue(section);
        }

        json.WriteEndArray();
        json.WriteStartArray("wordings");
        foreach (var (wording, count) in demand.Wordings)
        {
            json.WriteStartObject();
            json.WriteString("text", wording);
            json.WriteNumber("count", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("articles");
        foreach (var entry in demand.Entries)
        {
            var (title, url, date, section) = Facts(entry.Article, views);
            json.WriteStartObject();
            json.WriteString("title", title);
            json.WriteString("url", url);
            json.WriteString("date", date);
            json.WriteString("section", section);
            json.WriteString("wording", entry.Wording);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return stream.GetBuffer().AsSpan(start, (int)stream.Length - start).ToArray();
    }

    /// <summary>
    /// The key of the file that lists <paramref name="demands"/>: everything <see cref="Part"/> writes of
    /// each, from what it is made of, and <paramref name="site"/>, the key of what every file depends on.
    /// </summary>
    public static Hash128 Key(IReadOnlyList<Demand> demands, ViewFactory views, Hash128 site)
    {
        // Each demand's part is hashed apart, in parallel when first met: a build from nothing hashes
        // every article of every demand.
        var parts = new Hash128[demands.Count];
        Parallel.For(0, demands.Count, i => parts[i] = DemandKeys.GetValue(demands[i], d => new StrongBox<Hash128>(KeyOf(d))).Value);
        var key = new KeyBuilder().Add(site).Add(views.AbsoluteUrl(string.Empty)).Add(demands.Count);
        foreach (var part in parts)
        {
            key.Add(part);
        }

        return key.Finish();
    }

    // A demand and the articles it holds never change; an index made from an earlier one keeps the
    // demands no edit touched, and their part of the key is not hashed again.
    private static readonly ConditionalWeakTable<Demand, StrongBox<Hash128>> DemandKeys = [];

    private static Hash128 KeyOf(Demand demand)
    {
        var key = new KeyBuilder().Add(demand.Slug).Add(demand.Id).Add(demand.Text).Add(demand.Explanation).Add(demand.Topic).Add(demand.TopicInferred ? 1 : 0)
            .Add(demand.Won?.DayNumber ?? -1).Add(demand.WonArticle?.Path ?? string.Empty).Add(demand.Path).Add(demand.Sections.Length);
        foreach (var section in demand.Sections)
        {
            key.Add(section);
        }

        key.Add(demand.Wordings.Length);
        foreach (var (wording, count) in demand.Wordings)
        {
            key.Add(wording).Add(count);
        }

        key.Add(demand.Entries.Length);
        foreach (var entry in demand.Entries)
        {
            var article = entry.Article;
            key.Add(article.Title).Add(article.Path).Add(article.FrontMatter.Date.Ticks).Add(article.FrontMatter.Date.Offset.Ticks)
                .Add(article.FrontMatter.Section).Add(entry.Wording);
        }

        return key.Finish();
    }

    /// <summary>What the file tells of <paramref name="article"/> under each demand it raised, besides its wording.</summary>
    internal static (string Title, string Url, string Date, string Section) Facts(Article article, ViewFactory views) =>
        (article.Title, views.AbsoluteUrl(article.Path), ViewFactory.Iso(article.FrontMatter.Date), article.FrontMatter.Section);

    private static void WriteOptional(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length == 0)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
