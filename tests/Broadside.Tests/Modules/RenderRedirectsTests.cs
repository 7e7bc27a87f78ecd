using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Templates;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Modules;

public sealed class RenderRedirectsTests
{
    private static readonly ViewFactory Views = new(SiteConfig.Fallback with { BaseUrl = new Uri("https://example.org/news/") });

    [Fact]
    public void Writes_a_page_at_each_old_path_and_one_rule_a_line()
    {
        var outputs = Run(Aliased("strike", "/2019/old-strike/", "/2019/old.html"));

        Assert.Equal(
            ["/news/2019/old-strike/ /news/2026/03/strike/ 301", "/news/2019/old.html /news/2026/03/strike/ 301"],
            Rules(outputs));
        var page = outputs.Single(f => f.Destination == "2019/old-strike/index.html");
        Assert.Contains("url=/news/2026/03/strike/", page.Content, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/news/2026/03/strike/\"", page.Content, StringComparison.Ordinal);
        Assert.Contains(outputs, f => f.Destination == "2019/old.html");
    }

    [Fact]
    public void Percent_encodes_each_path_so_that_netlify_decodes_it_to_the_file_written()
    {
        var outputs = Run(Aliased("забастовка", "/café/", "/old page/", "/100%/", "/a(1)!/"));

        var rules = Rules(outputs);
        Assert.Contains("/news/caf%C3%A9/ /news/2026/03/%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0/ 301", rules);
        Assert.Contains("/news/old%20page/ /news/2026/03/%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0/ 301", rules);
        Assert.Contains("/news/100%25/ /news/2026/03/%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0/ 301", rules);
        foreach (var rule in rules)
        {
            var from = Uri.UnescapeDataString(rule.Split(' ')[0])["/news/".Length..];
            Assert.Contains(outputs, f => f.Destination == (from.EndsWith('/') ? from + "index.html" : from));
        }
    }

    [Theory]
    [InlineData("/old\n/evil/ /elsewhere/ 200!\n/x/")]
    [InlineData("/old\r/evil/ /elsewhere/ 200")]
    [InlineData("/old\u2028/evil/ /elsewhere/ 200")]
    [InlineData("/old\u0085/evil/ /elsewhere/ 200")]
    [InlineData("/old\t/evil/\t/elsewhere/\t200")]
    [InlineData("/old # comment")]
    [InlineData("/old/* /elsewhere/:splat 200")]
    [InlineData("\u00A0/old\u3000/ /x/ 302")]
    public void No_alias_can_add_or_split_a_rule_even_one_that_was_never_checked(string alias)
    {
        // The rule is written safely whatever reaches it: this alias skips the front matter's checks.
        var outputs = Run(Aliased("strike", alias));

        var text = outputs.Single(f => f.Destination == RenderRedirects.RedirectsFile).Content!;
        var rule = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(text, rule + "\n");
        Assert.All(rule, c => Assert.InRange(c, ' ', '~'));
        var tokens = rule.Split(' ');
        Assert.Equal(3, tokens.Length);
        Assert.Equal("/news/" + alias.TrimStart('/'), Uri.UnescapeDataString(tokens[0]));
        Assert.DoesNotContain('#', tokens[0]);
        Assert.DoesNotContain('*', tokens[0]);
        Assert.DoesNotContain(':', tokens[0]);
        Assert.Equal(["/news/2026/03/strike/", "301"], tokens[1..]);
    }

    [Fact]
    public void Fuzzed_aliases_that_are_accepted_give_one_rule_of_three_tokens_each()
    {
        var fuzzer = new NameFuzzer(1871);
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (aliases.Count < 2_000)
        {
            if (AliasPath.Read(fuzzer.NextPath()).Path is { } path)
            {
                aliases.Add(path);
            }
        }

        var outputs = Run(Aliased("strike", [.. aliases]));

        var text = outputs.Single(f => f.Destination == RenderRedirects.RedirectsFile).Content!;
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        var lines = text.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal(aliases.Count, lines.Length - 1);
        Assert.All(lines[..^1], line =>
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, tokens.Length);
            Assert.Equal(line, string.Join(' ', tokens));
            Assert.All(line, c => Assert.InRange(c, ' ', '~'));
            var from = Uri.UnescapeDataString(tokens[0])["/news".Length..];
            Assert.Contains(from, aliases);
            Assert.Null(OutputPath.Problem(AliasPath.File(from)));
        });
        Assert.Equal(aliases.Count, outputs.Count(f => f.Destination != RenderRedirects.RedirectsFile));
    }

    [Fact]
    public void A_page_speaks_the_language_of_the_article_it_sends_readers_to()
    {
        var strings = ThemeStrings.Load(RepositoryPaths.Theme, "theme", "en", new DiagnosticBag());
        var arabic = new ViewFactory(Views.Config with { Language = "ar", Culture = System.Globalization.CultureInfo.GetCultureInfo("ar") }, strings: strings.For("ar"));
        var english = new ViewFactory(Views.Config, strings: strings.For("en"));
        var strike = Aliased("strike", "/2019/old-strike/");
        var idrab = Aliased("idrab", "/2019/old-idrab/");
        idrab = idrab with { FrontMatter = idrab.FrontMatter with { Lang = "ar" } };

        var outputs = Run(tag => tag == "ar" ? arabic : english, strike, idrab);

        var page = outputs.Single(f => f.Destination == "2019/old-idrab/index.html").Content!;
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>نُقلت الصفحة</title>", page, StringComparison.Ordinal);
        Assert.Contains("نُقلت هذه الصفحة إلى <a href=\"/news/2026/03/idrab/\" dir=\"ltr\">/news/2026/03/idrab/</a>.", page, StringComparison.Ordinal);
        var other = outputs.Single(f => f.Destination == "2019/old-strike/index.html").Content!;
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", other, StringComparison.Ordinal);
        Assert.Contains("This page has moved to <a href=\"/news/2026/03/strike/\" dir=\"ltr\">/news/2026/03/strike/</a>.", other, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_no_rules_file_without_aliases() =>
        Assert.DoesNotContain(Run(Aliased("strike")), f => f.Destination == RenderRedirects.RedirectsFile);

    private static Article Aliased(string slug, params string[] aliases)
    {
        var article = TestArticles.Make(slug, "2026-03-14");
        return article with { FrontMatter = article.FrontMatter with { Aliases = [.. aliases] } };
    }

    private static ImmutableArray<OutputFile> Run(params Article[] articles) => Run(null, articles);

    private static ImmutableArray<OutputFile> Run(Func<string?, ViewFactory>? viewsFor, params Article[] articles)
    {
        var source = new Pipeline("Articles") { Process = [new Emit([.. articles])] };
        var redirects = new Pipeline("Redirects") { DependsOn = ["Articles", PlanEverything.Name], Process = [new RenderRedirects(Views, PlanEverything.Name, viewsFor, "Articles")] };
        var result = new PipelineEngine([source, PlanEverything.Pipeline(), redirects]).Run(new DiagnosticBag());
        return [.. result.Outputs["Redirects"].OfType<OutputFile>()];
    }

    private static string[] Rules(ImmutableArray<OutputFile> outputs) =>
        outputs.Single(f => f.Destination == RenderRedirects.RedirectsFile).Content!.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private sealed class Emit(Document[] documents) : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => [.. documents];
    }
}
