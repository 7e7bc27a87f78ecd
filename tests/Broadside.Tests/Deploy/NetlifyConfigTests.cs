using System.CommandLine;
using System.Text.RegularExpressions;
using Broadside.Cli;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Deploy;

/// <summary>
/// <c>netlify.toml</c> agrees with the build: it runs a script that exists, publishes the folder the
/// build writes, and sends the headers the site needs.
/// </summary>
public sealed class NetlifyConfigTests
{
    private const string ReadmeBuildCommand = "dotnet run --project src/Broadside.Cli -c Release -- build";
    private const string Rss = "application/rss+xml; charset=utf-8";

    private readonly NetlifyConfig _config = NetlifyConfig.Load();

    private static string ScriptPath => Path.Combine(RepositoryPaths.Root, "scripts", "netlify-build.sh");

    [Fact]
    public void Netlify_toml_parses_with_a_build_table()
    {
        Assert.True(_config.Model.ContainsKey("build"));
        Assert.NotEmpty(_config.BuildCommand);
        Assert.NotEmpty(_config.Publish);
    }

    [Fact]
    public void The_published_folder_is_the_CLIs_default_output_folder()
    {
        var root = CommandLine.Create(TextWriter.Null, TextWriter.Null);
        var build = root.Subcommands.Single(command => command.Name == "build");
        var output = build.Options.OfType<Option<DirectoryInfo>>()
            .Single(option => option.Name == "--output" || option.Aliases.Contains("--output"));
        Assert.NotNull(output.DefaultValueFactory);

        // The default, as the parser computes it for `broadside build` with no options.
        var folder = root.Parse(["build"]).GetValue(output);

        Assert.NotNull(folder);
        Assert.Equal(Folder(_config.Publish), Path.GetRelativePath(Environment.CurrentDirectory, folder.FullName));
    }

    [Fact]
    public void The_README_build_command_writes_the_published_folder()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var publish = Folder(_config.Publish);

        Assert.Contains(ReadmeBuildCommand, readme, StringComparison.Ordinal);
        Assert.Contains($"into {publish}/", readme, StringComparison.Ordinal);

        // Wherever the README gives the command, it leaves --output at its default (the published folder).
        foreach (var line in readme.Split('\n').Where(line => line.Contains(ReadmeBuildCommand, StringComparison.Ordinal)))
        {
            var rest = line[(line.IndexOf(ReadmeBuildCommand, StringComparison.Ordinal) + ReadmeBuildCommand.Length)..];
            AssertOutputOptionsAre(publish, rest, "README.md");
        }
    }

    [Fact]
    public void The_build_command_runs_a_script_that_exists_and_builds_into_the_published_folder()
    {
        var script = _config.BuildCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SingleOrDefault(word => word.EndsWith(".sh", StringComparison.Ordinal));
        Assert.True(script is not null, $"build.command '{_config.BuildCommand}' names no .sh script.");
        Assert.Equal(Path.GetFullPath(ScriptPath), Path.GetFullPath(Path.Combine(RepositoryPaths.Root, script)));
        Assert.True(File.Exists(ScriptPath), $"build.command runs {script}, which does not exist.");

        var text = File.ReadAllText(ScriptPath);
        Assert.Contains("set -euo pipefail", text, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Broadside.Cli -c Release", text, StringComparison.Ordinal);
        Assert.Matches(@"(\(|--\s+)build\b", text);
        AssertOutputOptionsAre(Folder(_config.Publish), text, "scripts/netlify-build.sh");
    }

    [Fact]
    public void The_script_installs_the_pinned_SDK_when_it_is_missing()
    {
        var text = File.ReadAllText(ScriptPath);

        Assert.Contains("dotnet-install.sh", text, StringComparison.Ordinal);
        Assert.Contains("--jsonfile global.json", text, StringComparison.Ordinal);
        Assert.Contains("$HOME/.dotnet", text, StringComparison.Ordinal);
        Assert.Matches(@"export PATH=""\$HOME/\.dotnet:\$PATH""", text);
    }

    [Fact]
    public void Previews_build_drafts_and_scheduled_articles_unindexed_at_their_own_address()
    {
        Assert.Equal("1", _config.Find("context.deploy-preview.environment", "BROADSIDE_PREVIEW"));
        Assert.Equal("1", _config.Find("context.branch-deploy.environment", "BROADSIDE_PREVIEW"));
        Assert.NotEqual("1", _config.Find("context.production.environment", "BROADSIDE_PREVIEW"));
        Assert.NotEqual("1", _config.Find("build.environment", "BROADSIDE_PREVIEW"));

        var text = File.ReadAllText(ScriptPath);
        Assert.Contains("BROADSIDE_PREVIEW", text, StringComparison.Ordinal);
        Assert.Contains("--drafts --future --noindex", text, StringComparison.Ordinal);
        Assert.Contains("--base-url \"$DEPLOY_PRIME_URL\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_is_built_with_search_after_installing_the_pinned_indexer()
    {
        var text = File.ReadAllText(ScriptPath);
        var packageJson = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json"));

        Assert.Matches(@"args=\(build --search\b", text);
        Assert.Empty(CommandLine.Create(TextWriter.Null, TextWriter.Null).Parse(["build", "--search"]).Errors);
        Assert.Contains("npm ci --omit=dev", text, StringComparison.Ordinal);
        // Pagefind, and Decap CMS for the web editor: installed by npm ci --omit=dev, each at one exact version.
        var dependencies = System.Text.Json.JsonDocument.Parse(packageJson).RootElement.GetProperty("dependencies");
        Assert.All(["pagefind", "decap-cms"], name => Assert.Matches(@"^\d+\.\d+\.\d+$", dependencies.GetProperty(name).GetString()!));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "package-lock.json")), "package-lock.json pins what npm ci installs.");
    }

    [Fact]
    public void The_security_headers_are_left_to_the_headers_file_the_build_writes()
    {
        // Netlify takes a header set for one path in both netlify.toml and _headers from netlify.toml alone:
        // a policy here would replace the one the build makes from site.yml.
        string[] security = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"];
        Assert.NotEmpty(_config.ConfigHeaderRules);
        Assert.All(_config.ConfigHeaderRules, rule => Assert.DoesNotContain(rule.Values.Keys, name => security.Contains(name, StringComparer.OrdinalIgnoreCase)));
        Assert.Contains("output/_headers", File.ReadAllText(NetlifyConfig.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_for_a_year_and_everything_else_revalidates()
    {
        var asset = _config.HeadersFor("/assets/css/site.3f2a9c1b.css");
        Assert.Equal("public, max-age=31536000, immutable", asset["Cache-Control"]);

        foreach (var path in new[] { "/media/2026/picket.jpg", "/feed.xml", "/tags/strikes/feed.xml", "/feed.json", "/sitemap.xml" })
        {
            Assert.Equal("public, max-age=0, must-revalidate", _config.HeadersFor(path)["Cache-Control"]);
        }

        // Pages keep Netlify's default, "public, max-age=0, must-revalidate": no rule sets one for them.
        foreach (var path in new[] { "/", "/2026/11/some-article/", "/tags/strikes/", "/404.html" })
        {
            Assert.False(_config.HeadersFor(path).ContainsKey("Cache-Control"), $"A rule sets Cache-Control for the page {path}.");
        }
    }

    [Theory]
    [InlineData("/feed.xml", Rss)]
    [InlineData("/sections/labor/feed.xml", Rss)]
    [InlineData("/tags/strikes/feed.xml", Rss)]
    [InlineData("/authors/ana-ruiz/feed.xml", Rss)]
    [InlineData("/demands/rent-control/feed.xml", Rss)]
    [InlineData("/atom.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("/feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("/demands.json", "application/json; charset=utf-8")]
    [InlineData("/sitemap.xml", "application/xml")]
    public void Feeds_and_data_files_are_served_with_their_media_types(string path, string contentType)
    {
        Assert.True(_config.HeadersFor(path).TryGetValue("Content-Type", out var actual), $"No rule sets Content-Type for {path}.");
        Assert.Equal(contentType, actual);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tags/strikes/")]
    [InlineData("/assets/css/site.3f2a9c1b.css")]
    [InlineData("/media/2026/feed.xml")]
    public void Other_files_keep_the_type_of_their_extension(string path) =>
        Assert.False(_config.HeadersFor(path).ContainsKey("Content-Type"), $"A rule sets Content-Type for {path}.");

    [Fact]
    public void Every_header_rule_names_a_root_relative_path()
    {
        Assert.NotEmpty(_config.HeaderRules);
        Assert.All(_config.HeaderRules, rule =>
        {
            Assert.StartsWith("/", rule.For, StringComparison.Ordinal);
            Assert.NotEmpty(rule.Values);
        });
    }

    [Fact]
    public void No_redirect_catches_every_path()
    {
        // Netlify serves 404.html for any path without a file; the build's _redirects holds the aliases.
        foreach (var redirect in _config.Redirects)
        {
            var from = redirect.TryGetValue("from", out var value) ? value as string : null;
            var to = redirect.TryGetValue("to", out var target) ? target as string : null;
            Assert.False(from is "/*" or "/**" or "*", $"[[redirects]] from \"{from}\" to \"{to}\" catches every path.");
            Assert.False(to?.Contains("404", StringComparison.Ordinal) == true, $"[[redirects]] from \"{from}\" sends readers to \"{to}\".");
        }
    }

    /// <summary>The folder a publish value or --output value names, without ./ or a trailing slash.</summary>
    internal static string Folder(string value)
    {
        var folder = value.Trim().Trim('"', '\'').Replace('\\', '/');
        folder = folder.StartsWith("./", StringComparison.Ordinal) ? folder[2..] : folder;
        return folder.TrimEnd('/');
    }

    private static void AssertOutputOptionsAre(string publish, string text, string where)
    {
        foreach (Match match in Regex.Matches(text, @"--output(?:\s+|=)([^\s);]+)"))
        {
            Assert.True(
                Folder(match.Groups[1].Value) == publish,
                $"{where} builds with {match.Value}, but netlify.toml publishes '{publish}'.");
        }
    }
}
