using System.Collections.Immutable;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Editor;
using YamlDotNet.RepresentationModel;

namespace Broadside.Tests.Editor;

public sealed class EditorConfigTests
{
    private static readonly EditorSettings Editor = new("commons-dispatch/site", "main");

    private static readonly SiteConfig Site = SiteConfig.Fallback with
    {
        Title = "The Dispatch",
        BaseUrl = new Uri("https://dispatch.example.org/"),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"),
        Sections = [new SectionConfig("Labor", string.Empty), new SectionConfig("Housing", string.Empty), new SectionConfig("Climate", string.Empty)],
    };

    private static readonly ImmutableArray<AuthorProfile> Authors = [new("Ana Ruiz", string.Empty, string.Empty, string.Empty), new("Tomás Berg", string.Empty, string.Empty, string.Empty)];

    private static readonly ImmutableArray<CanonicalDemand> Demands = [new("free-transit", "Fare-free transit for all!", [], "Transit", 1)];

    // The widget each key of the contract is edited with.
    public static TheoryData<string, string> ArticleWidgets => new()
    {
        { "title", "string" }, { "author", "select" }, { "section", "select" }, { "date", "datetime" }, { "tags", "list" },
        { "demands", "demands" }, { "summary", "text" }, { "slug", "string" }, { "draft", "boolean" }, { "updated", "datetime" },
        { "image", "image" }, { "image_alt", "string" }, { "image_caption", "string" }, { "image_credit", "string" },
        { "canonical", "string" }, { "series", "string" }, { "toc", "boolean" }, { "corrections", "list" }, { "aliases", "list" },
    };

    [Theory]
    [MemberData(nameof(ArticleWidgets))]
    public void Each_key_of_an_article_has_its_widget(string key, string widget) =>
        Assert.Equal(widget, Value(Field(Articles(Yaml()), key), "widget"));

    [Fact]
    public void Every_key_of_the_contract_is_in_the_articles_and_pages_of_a_site_in_several_languages()
    {
        var yaml = Yaml(Multilingual());
        var articleKeys = Fields(Articles(yaml)).Select(f => Value(f, "name")).ToHashSet();
        var pageKeys = Fields(Collection(yaml, "pages")).Select(f => Value(f, "name")).ToHashSet();

        Assert.Empty(FrontMatterParser.ArticleKeys.Except(articleKeys));
        Assert.Empty(FrontMatterParser.PageKeys.Except(pageKeys));
        Assert.Empty(articleKeys.Except([.. FrontMatterParser.ArticleKeys, "body"]));
        Assert.Empty(pageKeys.Except([.. FrontMatterParser.PageKeys, "body"]));
    }

    [Fact]
    public void The_required_keys_are_required_and_no_other()
    {
        var required = Fields(Articles(Yaml())).Where(f => Value(f, "required") == "true").Select(f => Value(f, "name"));

        Assert.Equal(["title", "author", "section", "date", "body"], required);
    }

    [Fact]
    public void Sections_are_a_select_in_the_order_of_site_yml() =>
        Assert.Equal(["Labor", "Housing", "Climate"], Items(Field(Articles(Yaml()), "section"), "options"));

    [Fact]
    public void Authors_are_a_select_of_several_from_authors_yml_and_a_list_without_it()
    {
        var authors = Field(Articles(Yaml()), "author");
        Assert.Equal(("true", "1"), (Value(authors, "multiple"), Value(authors, "min")));
        Assert.Equal(["Ana Ruiz", "Tomás Berg"], Items(authors, "options"));

        Assert.Equal("list", Value(Field(Articles(EditorConfig.Yaml(Site, Editor, "input", [], Demands)), "author"), "widget"));
    }

    [Fact]
    public void Demands_are_edited_by_broadside_s_own_widget_offered_the_demands_of_demands_yml_by_their_wording()
    {
        var demands = (YamlMappingNode)Field(Articles(Yaml()), "demands");

        Assert.Equal("demands", EditorConfig.DemandsWidget);
        Assert.Equal((EditorConfig.DemandsWidget, "false"), (Value(demands, "widget"), Value(demands, "required")));
        Assert.False(demands.Children.ContainsKey(new YamlScalarNode("fields")));
        var option = (YamlMappingNode)((YamlSequenceNode)demands["options"]).Single();
        Assert.Equal(("Fare-free transit for all!", "free-transit"), (Value(option, "label"), Value(option, "value")));
        Assert.Equal(["label", "value"], option.Children.Keys.Select(k => ((YamlScalarNode)k).Value));

        // Without demands.yml, no options: every demand is in the article's own words.
        var alone = (YamlMappingNode)Field(Articles(EditorConfig.Yaml(Site, Editor, "input", Authors, [])), "demands");
        Assert.Equal("demands", Value(alone, "widget"));
        Assert.Empty((YamlSequenceNode)alone["options"]);
    }

    [Fact]
    public void The_date_is_written_with_its_offset_as_the_contract_allows()
    {
        var date = Field(Articles(Yaml()), "date");

        Assert.Equal("YYYY-MM-DDTHH:mm:ssZ", Value(date, "format"));
        Assert.Contains("America/Chicago", Value(date, "hint"), StringComparison.Ordinal);
        Assert.Equal("YYYY-MM-DD", Value(Field(Articles(Yaml()), "updated"), "format"));

        // What Decap writes (dayjs's Z is +05:00) is read as the same moment.
        var bag = new Broadside.Diagnostics.DiagnosticBag();
        var map = Broadside.Yaml.YamlMap.Parse("title: a\nauthor: b\nsection: c\ndate: 2026-03-14T18:30:00-05:00\n", "a.md", 1, bag, "front matter")!;
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero), FrontMatterParser.ParseArticle(map, Site)!.Date);
        Assert.Empty(bag.ToImmutableSorted());
    }

    [Fact]
    public void Languages_are_a_select_only_in_a_site_of_several()
    {
        Assert.DoesNotContain("lang", Fields(Articles(Yaml())).Select(f => Value(f, "name")));
        Assert.DoesNotContain("translation_key", Fields(Articles(Yaml())).Select(f => Value(f, "name")));

        var lang = Field(Articles(Yaml(Multilingual())), "lang");
        Assert.Equal("select", Value(lang, "widget"));
        Assert.Equal(["en", "es"], ((YamlSequenceNode)lang["options"]).Cast<YamlMappingNode>().Select(o => Value(o, "value")));
    }

    [Fact]
    public void Articles_are_saved_where_broadside_new_puts_them_through_the_editorial_workflow()
    {
        var root = Root(Yaml());
        var articles = Articles(root);

        Assert.Equal("editorial_workflow", Value(root, "publish_mode"));
        Assert.Equal("input/articles", Value(articles, "folder"));
        Assert.Equal("{{year}}/{{slug}}", Value(articles, "path"));
        Assert.Equal("{{slug}}", Value(articles, "slug"));
        Assert.Equal("input/pages", Value(Collection(root, "pages"), "folder"));
        Assert.Equal(("input/media/uploads", "/media/uploads"), (Value(root, "media_folder"), Value(root, "public_folder")));
        Assert.Equal(("unicode", "false"), (Value((YamlMappingNode)root["slug"], "encoding"), Value((YamlMappingNode)root["slug"], "clean_accents")));
        var backend = (YamlMappingNode)root["backend"];
        Assert.Equal(("github", "commons-dispatch/site", "main", "https://api.netlify.com"), (Value(backend, "name"), Value(backend, "repo"), Value(backend, "branch"), Value(backend, "base_url")));
        Assert.Equal("true", Value(root, "local_backend"));
    }

    [Fact]
    public void An_input_folder_at_the_root_of_the_repository_has_no_prefix()
    {
        var root = Root(EditorConfig.Yaml(Site, Editor, string.Empty, Authors, Demands));

        Assert.Equal("articles", Value(Articles(root), "folder"));
        Assert.Equal("media/uploads", Value(root, "media_folder"));
    }

    [Theory]
    [InlineData("Ana \"Ruiz\": y\n- evil: true # z")]
    [InlineData("{{title}} & *alias &anchor !tag %x @y `z`")]
    [InlineData("true")]
    [InlineData("- 1\n  - 2")]
    [InlineData("\u202E\u200B ' \\ \t")]
    public void Names_from_the_publication_s_files_stay_text(string hostile)
    {
        var site = Site with { Title = hostile, Sections = [new SectionConfig(hostile, string.Empty)] };
        var yaml = EditorConfig.Yaml(site, Editor, "input", [new(hostile, string.Empty, string.Empty, string.Empty)], [new("x", hostile, [], string.Empty, 1)]);

        var articles = Articles(yaml);
        Assert.Equal([hostile], Items(Field(articles, "section"), "options"));
        Assert.Equal([hostile], Items(Field(articles, "author"), "options"));
        var demand = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)Field(articles, "demands"))["options"]).Single();
        Assert.Equal(hostile, Value(demand, "label"));
        Assert.Equal(["backend", "local_backend", "publish_mode", "site_url", "media_folder", "public_folder", "slug", "collections"], Root(yaml).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    private static string Yaml(SiteConfig? site = null) => EditorConfig.Yaml(site ?? Site, Editor, "input", Authors, Demands);

    private static SiteConfig Multilingual() => Site with
    {
        Languages = [new SiteLanguage("en", CultureInfo.GetCultureInfo("en")), new SiteLanguage("es", CultureInfo.GetCultureInfo("es"))],
    };

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Collection(string yaml, string name) => Collection(Root(yaml), name);

    private static YamlMappingNode Collection(YamlMappingNode root, string name) =>
        ((YamlSequenceNode)root["collections"]).Cast<YamlMappingNode>().Single(c => Value(c, "name") == name);

    private static YamlMappingNode Articles(string yaml) => Collection(yaml, "articles");

    private static YamlMappingNode Articles(YamlMappingNode root) => Collection(root, "articles");

    private static List<YamlMappingNode> Fields(YamlMappingNode collection) => [.. ((YamlSequenceNode)collection["fields"]).Cast<YamlMappingNode>()];

    private static YamlMappingNode Field(YamlMappingNode collection, string name) => Fields(collection).Single(f => Value(f, "name") == name);

    private static string Value(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;

    private static List<string> Items(YamlMappingNode map, string key) => [.. ((YamlSequenceNode)map[key]).Cast<YamlScalarNode>().Select(s => s.Value!)];
}
