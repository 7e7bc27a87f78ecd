using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

public sealed class AliasPathTests
{
    [Theory]
    [InlineData("/2019/old-name/", "/2019/old-name/", "2019/old-name/index.html")]
    [InlineData("/2019/old-name", "/2019/old-name/", "2019/old-name/index.html")]
    [InlineData("2019/old-name", "/2019/old-name/", "2019/old-name/index.html")]
    [InlineData("/2019/old.html", "/2019/old.html", "2019/old.html")]
    [InlineData("/2019/old.html/", "/2019/old.html/", "2019/old.html/index.html")]
    [InlineData("/Old-Name/", "/Old-Name/", "Old-Name/index.html")]
    [InlineData("/caf%C3%A9/", "/café/", "café/index.html")]
    [InlineData("/caf%c3%a9/", "/café/", "café/index.html")]
    [InlineData("/cafe\u0301/", "/café/", "café/index.html")]
    [InlineData("/old%20page/", "/old page/", "old page/index.html")]
    [InlineData("/100%25/", "/100%/", "100%/index.html")]
    [InlineData("/забастовка/", "/забастовка/", "забастовка/index.html")]
    [InlineData("/a(1)!/b+c,d;e=f@g&h$i'j~k/", "/a(1)!/b+c,d;e=f@g&h$i'j~k/", "a(1)!/b+c,d;e=f@g&h$i'j~k/index.html")]
    [InlineData("/tags/strikes/feed.rss", "/tags/strikes/feed.rss", "tags/strikes/feed.rss")]
    [InlineData("/old/feed.xml", "/old/feed.xml", "old/feed.xml")]
    [InlineData("/mediation/", "/mediation/", "mediation/index.html")]
    public void Reads_an_old_path_into_its_normal_form(string alias, string path, string file)
    {
        var (read, code, problem) = AliasPath.Read(alias);

        Assert.Null(problem);
        Assert.Null(code);
        Assert.Equal(path, read);
        Assert.Equal(file, AliasPath.File(read!));
    }

    [Theory]
    [InlineData("/old\nname/", DiagnosticCodes.ControlCharacter, "control character")]
    [InlineData("/old\tname/", DiagnosticCodes.ControlCharacter, "control character")]
    [InlineData("/old\0/", DiagnosticCodes.ControlCharacter, "control character")]
    [InlineData("/old\u001B[31m/", DiagnosticCodes.ControlCharacter, "control character")]
    [InlineData("/old%0A/", DiagnosticCodes.ControlCharacter, "escaped control character")]
    [InlineData("/old%00/", DiagnosticCodes.ControlCharacter, "escaped control character")]
    [InlineData("/old\u202Ename/", DiagnosticCodes.InvalidUrl, "invisible character")]
    [InlineData("/old\u200B/", DiagnosticCodes.InvalidUrl, "invisible character")]
    [InlineData("/old%E2%80%AE/", DiagnosticCodes.InvalidUrl, "escaped invisible character")]
    [InlineData("/old name/", DiagnosticCodes.InvalidUrl, "%20")]
    [InlineData(" /old/", DiagnosticCodes.InvalidUrl, "%20")]
    [InlineData("/old\u00A0name/", DiagnosticCodes.InvalidUrl, "%20")]
    [InlineData("/old\u3000name/", DiagnosticCodes.InvalidUrl, "%20")]
    [InlineData("/old.php?id=3", DiagnosticCodes.InvalidUrl, "a query")]
    [InlineData("/old/#top", DiagnosticCodes.InvalidUrl, "'#'")]
    [InlineData("//evil.example/x/", DiagnosticCodes.InvalidUrl, "another site")]
    [InlineData("https://old.example.org/2019/x/", DiagnosticCodes.InvalidUrl, "another site")]
    [InlineData("javascript:alert(1)", DiagnosticCodes.InvalidUrl, "another site")]
    [InlineData("/old\\name/", DiagnosticCodes.InvalidUrl, "backslash")]
    [InlineData("\\\\host\\share", DiagnosticCodes.InvalidUrl, "backslash")]
    [InlineData("/old%5Cname/", DiagnosticCodes.InvalidUrl, "'\\'")]
    [InlineData("/old%2Fname/", DiagnosticCodes.InvalidUrl, "'/'")]
    [InlineData("/100%/", DiagnosticCodes.InvalidUrl, "%25")]
    [InlineData("/old%zz/", DiagnosticCodes.InvalidUrl, "%25")]
    [InlineData("/old%C3/", DiagnosticCodes.InvalidUrl, "not UTF-8")]
    [InlineData("/old%FF/", DiagnosticCodes.InvalidUrl, "not UTF-8")]
    [InlineData("/old/*", DiagnosticCodes.InvalidUrl, "'*'")]
    [InlineData("/news/:year/", DiagnosticCodes.InvalidUrl, "':'")]
    [InlineData("/a|b/", DiagnosticCodes.InvalidUrl, "'|'")]
    [InlineData("/old%3Fid/", DiagnosticCodes.InvalidUrl, "'?'")]
    [InlineData("../old-name", DiagnosticCodes.InvalidUrl, "'..' segment")]
    [InlineData("/2019/../admin", DiagnosticCodes.InvalidUrl, "'..' segment")]
    [InlineData("/2019/%2E%2E/admin", DiagnosticCodes.InvalidUrl, "'..' segment")]
    [InlineData("./old", DiagnosticCodes.InvalidUrl, "'.' segment")]
    [InlineData("/a//b/", DiagnosticCodes.InvalidUrl, "empty segment")]
    [InlineData("/.htaccess", DiagnosticCodes.InvalidUrl, "hidden segment")]
    [InlineData("/.well-known/security.txt", DiagnosticCodes.InvalidUrl, "hidden segment")]
    [InlineData("/.git/config", DiagnosticCodes.InvalidUrl, "hidden segment")]
    [InlineData("/.broadside-manifest", DiagnosticCodes.PathReserved, "'/.broadside-manifest'")]
    [InlineData("/", DiagnosticCodes.InvalidUrl, "home page")]
    [InlineData("/robots.txt", DiagnosticCodes.PathReserved, "'/robots.txt'")]
    [InlineData("/Robots.TXT", DiagnosticCodes.PathReserved, "'/robots.txt'")]
    [InlineData("/robots.txt/", DiagnosticCodes.PathReserved, "'/robots.txt'")]
    [InlineData("/sitemap.xml", DiagnosticCodes.PathReserved, "'/sitemap.xml'")]
    [InlineData("/sitemap-12.xml", DiagnosticCodes.PathReserved, "sitemaps")]
    [InlineData("/_redirects", DiagnosticCodes.PathReserved, "'/_redirects'")]
    [InlineData("/_headers", DiagnosticCodes.PathReserved, "'/_headers'")]
    [InlineData("/feed.xml", DiagnosticCodes.PathReserved, "'/feed.xml'")]
    [InlineData("/atom.xml", DiagnosticCodes.PathReserved, "'/atom.xml'")]
    [InlineData("/feed.json", DiagnosticCodes.PathReserved, "'/feed.json'")]
    [InlineData("/demands.json", DiagnosticCodes.PathReserved, "'/demands.json'")]
    [InlineData("/404.html", DiagnosticCodes.PathReserved, "'/404.html'")]
    [InlineData("/assets/site.css", DiagnosticCodes.PathReserved, "'/assets/'")]
    [InlineData("/media/2019/old.jpg", DiagnosticCodes.PathReserved, "'/media/'")]
    [InlineData("/Media/", DiagnosticCodes.PathReserved, "'/media/'")]
    [InlineData("/pagefind/pagefind.js", DiagnosticCodes.PathReserved, "'/pagefind/'")]
    [InlineData("/search/", DiagnosticCodes.PathReserved, "'/search/'")]
    [InlineData("/__broadside/live.js", DiagnosticCodes.PathReserved, "'/__broadside/'")]
    public void Refuses_what_is_not_one_path_of_the_site(string alias, string code, string fragment)
    {
        var (path, readCode, problem) = AliasPath.Read(alias);

        Assert.Null(path);
        Assert.Equal(code, readCode);
        Assert.NotNull(problem);
        Assert.Contains(fragment, problem, StringComparison.Ordinal);
        Assert.StartsWith("the alias '", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_name_longer_than_a_file_system_holds_and_shortens_it_in_the_message()
    {
        var (path, code, problem) = AliasPath.Read("/" + new string('x', 300) + "/");

        Assert.Null(path);
        Assert.Equal(DiagnosticCodes.InvalidUrl, code);
        Assert.Contains("more than the 255", problem, StringComparison.Ordinal);
        Assert.True(problem!.Length < 400, problem);
    }

    [Fact]
    public void Every_accepted_fuzzed_alias_is_a_path_of_the_site_and_every_refused_one_says_why()
    {
        var fuzzer = new NameFuzzer(1917);
        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var alias = fuzzer.NextPath();
            var (path, code, problem) = AliasPath.Read(alias);
            if (path is null)
            {
                Assert.True(code is not null && problem is not null, $"Case {i}: '{Diagnostic.Visible(alias)}' is refused without a reason.");
                Assert.StartsWith("the alias '", problem, StringComparison.Ordinal);
                continue;
            }

            accepted++;
            var file = AliasPath.File(path);
            Assert.True(OutputPath.Problem(file) is null, $"Case {i}: '{Diagnostic.Visible(alias)}' gives '{file}', which {OutputPath.Problem(file)}.");
            Assert.Null(ReservedPaths.Problem(file));
            Assert.StartsWith("/", path, StringComparison.Ordinal);
            Assert.Equal(path, path.Normalize(NormalizationForm.FormC));
            Assert.Equal(path, AliasPath.Read(AliasPath.Encode(path)).Path);
            Assert.DoesNotContain(path, char.IsControl);
        }

        Assert.InRange(accepted, 500, 9_500);
    }
}
