using System.Globalization;
using System.Text;
using Broadside.Build;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Whole builds of articles whose tags, authors, demands, slugs and aliases are fuzzed names and
/// paths (<see cref="NameFuzzer"/>): the build never crashes, every error names its file, and once the
/// files with errors are left out, every file the site writes has a path any file system holds and
/// <c>_redirects</c> has one well-formed rule for each alias.
/// </summary>
public sealed class FuzzedNamesTests : IDisposable
{
    private const int Articles = 60;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1789)]
    [InlineData(1848)]
    public void Every_fuzzed_name_and_alias_is_published_at_a_valid_path_or_reported(int seed)
    {
        var fuzzer = new NameFuzzer(seed);
        var articles = Enumerable.Range(0, Articles).ToDictionary(i => $"fuzz-{i:D3}.md", i => Article(fuzzer, i), StringComparer.Ordinal);

        var (_, _, round) = FuzzRounds.Build(
            seed,
            articles,
            Build,
            result => Assert.All(
                result.Diagnostics.Where(d => d.Code is DiagnosticCodes.InvalidUrl or DiagnosticCodes.ControlCharacter or DiagnosticCodes.PathReserved or DiagnosticCodes.LimitExceeded),
                d => Assert.True(d.Line > 0 && d.Column > 0, $"Seed {seed}: an alias refused at no line: {d}")));
        var output = _folder.Combine(round, "output");
        var site = new SiteOutput(output);
        var folderBytes = Encoding.UTF8.GetByteCount(Path.GetFullPath(output));
        Assert.All(site.Files, file => Assert.True(OutputPath.Problem(file, folderBytes) is null, $"Seed {seed}: /{file} {OutputPath.Problem(file, folderBytes)}"));
        Assert.All(
            site.Files.Where(f => f.StartsWith("tags/", StringComparison.Ordinal) || f.StartsWith("authors/", StringComparison.Ordinal) || f.StartsWith("demands/", StringComparison.Ordinal)),
            file => Assert.InRange(Encoding.UTF8.GetByteCount(file.Split('/')[1]), 1, Slug.MaxBytes));

        var rules = File.Exists(Path.Combine(output, RenderRedirects.RedirectsFile))
            ? File.ReadAllText(Path.Combine(output, RenderRedirects.RedirectsFile)).Split('\n')[..^1]
            : [];
        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.Equal(3, rule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.All(rule, c => Assert.InRange(c, ' ', '~'));
            Assert.NotNull(site.FileFor(rule.Split(' ')[0]));
        });
    }

    private static string Article(NameFuzzer fuzzer, int number)
    {
        var text = new StringBuilder("---\n")
            .Append(CultureInfo.InvariantCulture, $"title: \"Article {number}\"\n")
            .Append("author: [").Append(Quote(fuzzer.Next())).Append(", Ana Ruiz]\n")
            .Append("section: Labor\n")
            .Append(CultureInfo.InvariantCulture, $"date: 2026-03-{1 + (number % 28):D2}\n")
            .Append("tags: [").Append(Quote(fuzzer.Next())).Append(", ").Append(Quote(fuzzer.Next())).Append("]\n")
            .Append("demands: [").Append(Quote(fuzzer.Next())).Append("]\n")
            .Append("aliases: [").Append(string.Join(", ", Enumerable.Range(0, 3).Select(_ => Quote(number % 2 == 0 ? fuzzer.NextPath() : Accepted(fuzzer))))).Append("]\n");
        if (number % 3 == 0)
        {
            text.Append("slug: ").Append(Quote(fuzzer.Next())).Append('\n');
        }

        return text.Append("---\n\nBody.\n").ToString();
    }

    /// <summary>A fuzzed path that <see cref="AliasPath"/> accepts, as it was written; half the articles get these, so that some survive.</summary>
    private static string Accepted(NameFuzzer fuzzer)
    {
        while (true)
        {
            var path = fuzzer.NextPath();
            if (AliasPath.Read(path).Path is not null)
            {
                return path;
            }
        }
    }

    /// <summary><paramref name="value"/> as a YAML double-quoted string, every character but printable ASCII escaped; lone surrogates, which YAML refuses, become U+FFFD.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            quoted.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)rune.Value).ToString(),
                <= 0xFFFF => string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}"),
            });
        }

        return quoted.Append('"').ToString();
    }

    private BuildResult Build(string name, IReadOnlyDictionary<string, string> articles)
    {
        var input = _folder.Combine(name, "input");
        Directory.CreateDirectory(Path.Combine(input, "articles"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Fuzzed\nbase_url: https://fuzzed.example.org/\ntime_zone: America/Chicago\n");
        foreach (var (file, text) in articles)
        {
            File.WriteAllText(Path.Combine(input, "articles", file), text);
        }

        return Builder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _folder.Combine(name, "output"),
            Now = SampleSiteFixture.Now,
        });
    }
}
