using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// <c>published.json</c>: how many articles the site published and when the newest is dated. A scheduled
/// article is dated after every article published with it, so the site's newest date is the line past
/// which an article in the content is due and not yet live (<c>broadside due --live</c>). It holds only what
/// the site already shows, never the time of an article still waiting, and changes only with what the
/// site publishes, so a build that changes nothing writes nothing.
/// </summary>
public sealed class RenderPublished(string articlesPipeline, string planPipeline) : IModule, IListing
{
    /// <summary>The file.</summary>
    public const string File = ReservedPaths.Published;

    /// <summary>The format of the file, raised when a field changes meaning.</summary>
    public const int Version = 1;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var (count, newest) = Facts(context);
        yield return ListDeclaration.Single(File, KeyBuilder.Of(count, newest?.UtcTicks ?? -1));
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!OutputPlan.In(context, planPipeline).Makes(File))
        {
            return [];
        }

        var (count, newest) = Facts(context);
        return [new OutputFile { Destination = File, Content = Json(count, newest), InSitemap = false }];
    }

    /// <summary>The file's text for <paramref name="count"/> articles, the newest dated <paramref name="newest"/>.</summary>
    public static string Json(int count, DateTimeOffset? newest)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteNumber("articles", count);
            if (newest is { } date)
            {
                writer.WriteString("newest", date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNull("newest");
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private (int Count, DateTimeOffset? Newest) Facts(PipelineContext context)
    {
        var (count, newest) = (0, (DateTimeOffset?)null);
        foreach (var article in context.OutputsOf<Article>(articlesPipeline))
        {
            count++;
            if (newest is not { } date || article.FrontMatter.Date > date)
            {
                newest = article.FrontMatter.Date;
            }
        }

        return (count, newest);
    }
}
