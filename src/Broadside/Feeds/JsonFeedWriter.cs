using System.Text;
using System.Text.Json;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Feeds;

/// <summary>Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    /// <summary>The version URL the format requires.</summary>
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // A feed file is never inlined in HTML, so letters of every script stay readable.
        Encoder = JsonTextEncoder.ForFiles,
    };

    /// <summary>The feed as JSON Feed 1.1.</summary>
    public static string Write(FeedDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", definition.Title);
            json.WriteString("home_page_url", definition.HomeUrl);
            json.WriteString("feed_url", definition.SelfUrl);
            json.WriteString("description", definition.Description);
            json.WriteString("language", definition.Language);
            if (definition.Icon.Length > 0)
            {
                json.WriteString("icon", definition.Icon);
            }

            if (definition.Favicon.Length > 0)
            {
                json.WriteString("favicon", definition.Favicon);
            }

            json.WriteStartArray("items");
            foreach (var entry in definition.Entries)
            {
                json.WriteStartObject();
                json.WriteString("id", entry.Id);
                json.WriteString("url", entry.Url);
                json.WriteString("title", entry.Title);
                json.WriteString("content_html", entry.Content);
                json.WriteString("summary", entry.Summary);
                if (entry.Image.Length > 0)
                {
                    json.WriteString("image", entry.Image);
                }

                json.WriteString("date_published", ViewFactory.Iso(entry.Published));
                json.WriteString("date_modified", ViewFactory.Iso(entry.Updated));
                json.WriteStartArray("authors");
                foreach (var (name, url) in entry.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    if (url.Length > 0)
                    {
                        json.WriteString("url", url);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("tags");
                foreach (var category in entry.Categories)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
                json.WriteString("language", entry.Language);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
