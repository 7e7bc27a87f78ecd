using System.Globalization;
using Broadside.Configuration;
using Broadside.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Broadside.Editor;

/// <summary>
/// The web editor's settings, <c>admin/config.yml</c>, made from site.yml, authors.yml and demands.yml:
/// Decap CMS reads it to know where articles and pages are, which front matter keys they have and how
/// each is edited, so that what an editor saves is what <c>broadside check</c> accepts. Never written by
/// hand; every build makes it again.
/// </summary>
public static class EditorConfig
{
    /// <summary>
    /// How Decap writes an article's <c>date</c>: the date, the time and the offset from UTC
    /// (<c>2026-03-14T18:30:00-05:00</c>), one of the forms the front matter contract accepts. Decap's
    /// picker shows the time in the editor's computer's time zone; the offset makes it the same moment
    /// anywhere, and the site shows it in its own time zone.
    /// </summary>
    public const string DateTimeFormat = "YYYY-MM-DDTHH:mm:ssZ";

    /// <summary>How Decap writes a day (<c>updated</c>, a correction's <c>date</c>): <c>2026-03-14</c>.</summary>
    public const string DayFormat = "YYYY-MM-DD";

    /// <summary>Where pictures uploaded in the editor go, below the input folder's <c>media/</c>.</summary>
    public const string UploadsFolder = "uploads";

    /// <summary>
    /// The settings for <paramref name="config"/>, whose editor is <paramref name="editor"/>, with the
    /// input folder at <paramref name="contentFolder"/> in the repository (<c>input</c>).
    /// </summary>
    /// <param name="config">The site's settings.</param>
    /// <param name="editor">The editor's block of site.yml.</param>
    /// <param name="contentFolder">The input folder's path in the repository, with <c>/</c> between names; empty for its root.</param>
    /// <param name="authors">The author profiles of authors.yml, offered as bylines.</param>
    /// <param name="demands">The canonical demands of demands.yml, offered by id.</param>
    public static string Yaml(SiteConfig config, EditorSettings editor, string contentFolder, IReadOnlyList<AuthorProfile> authors, IReadOnlyList<CanonicalDemand> demands)
    {
        string In(string path) => contentFolder.Length == 0 ? path : contentFolder + "/" + path;
        var root = Map(
            ("backend", Map(
                ("name", Plain("github")),
                ("repo", Text(editor.Repo)),
                ("branch", Text(editor.Branch)),
                ("base_url", Text(EditorSettings.AuthBaseUrl)),
                ("squash_merges", Plain("true")))),

            // Decap uses the local backend (decap-server, `npx decap-server` in the repository) only when
            // /admin/ is opened from localhost; everywhere else it logs in to GitHub.
            ("local_backend", Plain("true")),

            // Every change is a branch and a pull request (draft, in review, ready), with its deploy preview.
            ("publish_mode", Plain("editorial_workflow")),
            ("site_url", Text(config.FeedBaseUrl.AbsoluteUri)),
            ("media_folder", Text(In("media/" + UploadsFolder))),
            ("public_folder", Text("/media/" + UploadsFolder)),

            // File names as `broadside new` makes them: letters of every script kept, lower case, the rest hyphens.
            ("slug", Map(("encoding", Plain("unicode")), ("clean_accents", Plain("false")), ("sanitize_replacement", Text("-")))),
            ("collections", Seq(Articles(config, In("articles"), authors, demands), Pages(config, In("pages")))));

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write("# Made by the build from site.yml, authors.yml and demands.yml; every build makes it again.\n");
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false);
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);

        // YamlStream ends the document with "...", which Decap's parser accepts but nobody needs.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    // The articles of articles/<year>/<slug>.md, each key of the contract with its widget.
    private static YamlMappingNode Articles(SiteConfig config, string folder, IReadOnlyList<AuthorProfile> authors, IReadOnlyList<CanonicalDemand> demands)
    {
        var zone = config.TimeZone.Id;
        List<YamlNode> fields =
        [
            Field("title", "Headline", "string", required: true),
            authors.Count == 0
                ? Field("author", "Authors", "list", required: true, extra: [("hint", Text("Names separated by commas, in the order of the byline."))])
                : Field("author", "Authors", "select", required: true, extra:
                [
                    ("multiple", Plain("true")),
                    ("min", Plain("1")),
                    ("options", Seq([.. authors.Select(a => (YamlNode)Text(a.Name))])),
                    ("hint", Text("In the order of the byline. Someone not listed here: add them to authors.yml first, or write the article as a file.")),
                ]),
            Field("section", "Section", "select", required: true, extra:
            [
                ("options", Seq([.. config.Sections.Select(s => (YamlNode)Text(s.Name))])),
            ]),
            Field("date", "Publication date", "datetime", required: true, extra:
            [
                ("format", Text(DateTimeFormat)),
                ("date_format", Text(DayFormat)),
                ("time_format", Text("HH:mm")),
                ("default", Text("{{now}}")),
                ("hint", Text($"In your computer's time zone; the site shows it in its own ({zone}). A date in the future schedules the article.")),
            ]),
            Field("summary", "Summary", "text", extra: [("hint", Text("The standfirst. Leave it empty to use the first paragraph."))]),
            Field("tags", "Tags", "list", extra: [("hint", Text("Topics, separated by commas."))]),
            Demands(demands),
            Field("image", "Lead picture", "image", extra: [("choose_url", Plain("false"))]),
            Field("image_alt", "What the picture shows", "string", extra: [("hint", Text("Required with a picture, for readers who cannot see it."))]),
            Field("image_caption", "Picture caption", "string"),
            Field("image_credit", "Picture credit", "string", extra: [("hint", Text("Photo: Ana Ruiz"))]),
            Field("draft", "Draft", "boolean", extra: [("default", Plain("false")), ("hint", Text("A draft is not published even when the change is."))]),
            Day("updated", "Last substantial change"),
            Field("series", "Series", "string", extra: [("hint", Text("The name of the series this article is a part of, the same in every part."))]),
            Field("canonical", "First published at", "string", extra:
            [
                ("pattern", Seq([Text("^https?://\\S+$"), Text("An address starting with https://")])),
                ("hint", Text("For a republished article: the address where it first appeared.")),
            ]),
            .. Languages(config),
            Field("slug", "Address (URL name)", "string", extra: [("hint", Text("Leave it empty to make it from the file name."))]),
            Field("toc", "Table of contents", "boolean", extra: [("hint", Text("Leave it untouched: a long article gets one by itself. Off leaves it out; on gives one to a shorter article."))]),
            Field("corrections", "Corrections", "list", extra:
            [
                ("summary", Text("{{fields.date}}: {{fields.text}}")),
                ("fields", Seq(
                    Day("date", "Day", required: true),
                    Field("text", "What was corrected", "text", required: true))),
            ]),
            Field("aliases", "Old addresses", "list", extra: [("hint", Text("Paths that must keep leading here, such as /2019/old-name/."))]),
            Field("body", "Text", "markdown", required: true, extra: [("hint", Text("Sub-headings start at ## (Heading 2): the headline is the page's only top heading."))]),
        ];

        return Collection(
            "articles",
            "Article",
            folder,

            // articles/<year of the date>/<slug of the headline>.md, as `broadside new` names them.
            ("path", Text("{{year}}/{{slug}}")),
            ("slug", Text("{{slug}}")),
            ("summary", Text("{{title}} ({{section}}, {{year}}-{{month}}-{{day}})")),
            ("sortable_fields", Seq(Plain("date"), Plain("title"), Plain("section"))),
            ("view_filters", Seq(Map(("label", Text("Drafts")), ("field", Plain("draft")), ("pattern", Plain("true"))))),
            ("fields", Seq([.. fields])));
    }

    /// <summary>
    /// The widget of an article's demands, Broadside's own (<c>admin/broadside-widgets.js</c>): one row a
    /// demand, in the article's order, each a demand of demands.yml (written <c>- id: …</c>) or the
    /// article's own words (written as a plain string), as the front matter contract has them.
    /// </summary>
    public const string DemandsWidget = "demands";

    // The demands, with the canonical demands of demands.yml offered by their wording: {label, value: id}.
    private static YamlMappingNode Demands(IReadOnlyList<CanonicalDemand> demands) => Field("demands", "Demands", DemandsWidget, extra:
    [
        ("options", Seq([.. demands.Select(d => (YamlNode)Map(("label", Text(d.Text)), ("value", Text(d.Id))))])),
        ("hint", Text("The demands the article raises, in its order: each a demand of the demands index, or in the article's own words (the same words as earlier articles, so the index counts them together).")),
    ]);

    // The standalone pages of pages/.
    private static YamlMappingNode Pages(SiteConfig config, string folder) => Collection(
        "pages",
        "Page",
        folder,
        ("slug", Text("{{slug}}")),
        ("fields", Seq(
        [
            Field("title", "Title", "string", required: true),
            Field("summary", "Summary", "text"),
            Field("draft", "Draft", "boolean", extra: [("default", Plain("false"))]),
            Day("updated", "Last substantial change"),
            Field("image", "Picture", "image", extra: [("choose_url", Plain("false"))]),
            Field("image_alt", "What the picture shows", "string"),
            .. Languages(config),
            Field("slug", "Address (URL name)", "string", extra: [("hint", Text("Leave it empty to make it from the file name."))]),
            Field("aliases", "Old addresses", "list"),
            Field("body", "Text", "markdown", required: true),
        ])));

    // A collection of Markdown files with front matter in a folder, named by their title.
    private static YamlMappingNode Collection(string name, string singular, string folder, params IEnumerable<(string Key, YamlNode Value)> more) => Map(
    [
        ("name", Plain(name)),
        ("label", Text(singular + "s")),
        ("label_singular", Text(singular)),
        ("folder", Text(folder)),
        ("create", Plain("true")),
        ("extension", Plain("md")),
        ("format", Plain("frontmatter")),
        ("identifier_field", Plain("title")),
        .. more,
    ]);

    // The language of a version and the key its versions share, for a site in several languages only.
    private static IEnumerable<YamlMappingNode> Languages(SiteConfig config)
    {
        if (!config.Multilingual)
        {
            yield break;
        }

        yield return Field("lang", "Language", "select", extra:
        [
            ("options", Seq([.. config.AllLanguages.Select(l => (YamlNode)Map(("label", Text(l.Culture.NativeName)), ("value", Text(l.Code))))])),
            ("hint", Text($"Leave it empty for the site's language ({config.Language}).")),
        ]);
        yield return Field("translation_key", "Translation key", "string", extra: [("hint", Text("The same short name on every version of one text in different languages."))]);
    }

    // A day without a time, written 2026-03-14.
    private static YamlMappingNode Day(string name, string label, bool required = false) =>
        Field(name, label, "datetime", required, [("format", Text(DayFormat)), ("date_format", Text(DayFormat)), ("time_format", Plain("false"))]);

    private static YamlMappingNode Field(string name, string label, string widget, bool required = false, IEnumerable<(string, YamlNode)>? extra = null) =>
        Map([("name", Plain(name)), ("label", Text(label)), ("widget", Plain(widget)), ("required", Plain(required ? "true" : "false")), .. extra ?? []]);

    private static YamlMappingNode Map(params IEnumerable<(string Key, YamlNode Value)> entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            map.Add(new YamlScalarNode(key), value);
        }

        return map;
    }

    private static YamlSequenceNode Seq(params IEnumerable<YamlNode> items) => new(items);

    // A value of Broadside's own (a name, a number, a boolean), written as it is.
    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    // Text that may come from the publication's files: always double-quoted, so that nothing in it can be read as more YAML.
    private static YamlScalarNode Text(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
