using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Broadside.Build;
using Broadside.Cli;
using Broadside.Cli.Serve;
using Broadside.Content;
using Broadside.Tests.Cli.Serve;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// The web editor at <c>/admin/</c>, driven in Chromium as an editor would: a small publication in a git
/// repository of its own, served by <c>broadside serve</c>'s server with the headers of the <c>_headers</c>
/// the build wrote, and <c>decap-server</c> (the local backend, in its git mode, which keeps the editorial
/// workflow's branches) saving to it. What the editor saves must pass <c>broadside check</c> and build.
/// </summary>
public sealed class EditorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [ToolFact(Tool.Chromium | Tool.Decap)]
    public async Task An_article_written_in_the_web_editor_passes_the_check_and_is_published_with_its_authors_demands_and_tag()
    {
        QualityTools.Require(Tool.Chromium | Tool.Decap);
        using var repository = new TemporaryFolder();
        var input = repository.Combine("input");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("editor"), input);
        // decap-server commits each save: the repository names its committer, as a CI machine may have none.
        Git(repository.Path, "init", "-q", "-b", "main");
        Git(repository.Path, "config", "user.name", "An Editor");
        Git(repository.Path, "config", "user.email", "editor@example.org");
        Git(repository.Path, "config", "commit.gpgsign", "false");
        Git(repository.Path, "add", "-A");
        Git(repository.Path, "commit", "-q", "-m", "The publication");

        using var output = new TemporaryFolder();
        var (log, errors) = (new LogWriter(), new LogWriter());
        await using var server = await PreviewServer.StartAsync(
            new PreviewOptions
            {
                Build = new BuildOptions
                {
                    InputFolder = input,
                    ThemeFolder = RepositoryPaths.Theme,
                    OutputFolder = output.Path,
                    IncludeDrafts = true,
                    IncludeFuture = true,
                    Editor = QualityTools.DecapBundle,
                },
                Port = 0,
            },
            new Reporter(log, errors),
            CancellationToken.None);
        using var backend = DecapServer.Start(repository.Path);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = QualityTools.Chromium, Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url.AbsoluteUri, ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, Locale = "en-US" });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        var problems = new List<string>();
        var elsewhere = new List<string>();

        // Decap asks for its local backend at localhost:8081, its default; the test's decap-server listens on
        // a free port, so what goes to the one is answered by the other. Anything else off the site is blocked.
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || (url.Host == server.Url.Host && url.Port == server.Url.Port))
            {
                await route.ContinueAsync();
            }
            else if (url.GetLeftPart(UriPartial.Authority) == Broadside.Outputs.SecurityHeaders.LocalBackendOrigin)
            {
                var answer = await route.FetchAsync(new RouteFetchOptions { Url = backend.Url + url.PathAndQuery.TrimStart('/') });
                await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
            }
            else
            {
                lock (elsewhere)
                {
                    elsewhere.Add($"{route.Request.Method} {route.Request.Url}");
                }

                await route.AbortAsync("blockedbyclient");
            }
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Decap asks its local backend for a draft of each entry it opens, and takes 404 for "none yet".
            if ((message.Type is "error" && !message.Location.StartsWith(Broadside.Outputs.SecurityHeaders.LocalBackendOrigin, StringComparison.Ordinal))
                || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (problems)
                {
                    problems.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status == 404 && response.Url.StartsWith(Broadside.Outputs.SecurityHeaders.LocalBackendOrigin, StringComparison.Ordinal)))
            {
                lock (problems)
                {
                    problems.Add($"{response.Status} for {response.Url}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"script error: {error}");
            }
        };

        try
        {
            // The editor's own policy, with decap-server's origin as serve sends it; never the site's as well.
            var answer = await page.GotoAsync("admin/");
            Assert.Equal(Broadside.Outputs.SecurityHeaders.EditorPolicy(localBackend: true), answer!.Headers["content-security-policy"]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
            await page.GotoAsync("admin/#/collections/articles/new");

            await page.GetByLabel("Headline").FillAsync("Tenants win a rent freeze");
            await Choose(page, "Authors", "Tomás Berg");
            await Choose(page, "Authors", "Ana Ruiz");
            await Choose(page, "Section", "Housing");
            await page.GetByLabel("Tags").FillAsync("rent");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add demands" }).ClickAsync();
            await Choose(page, "A demand of the demands index", "Rent control now!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add demands" }).ClickAsync();
            await page.GetByLabel("In the article's own words").Last.FillAsync("Repair every building by winter!");
            await page.Locator("[data-slate-editor]").ClickAsync();
            await page.Keyboard.TypeAsync("The tenants of Riverside won a freeze of every rent for a year.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-new-article.png"), FullPage = true });

            // The editorial workflow: saved as a draft (a branch of its own), set ready, then published (merged into main).
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await page.GetByText("Entry saved").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" }).ClickAsync();
            await page.GetByText("Ready", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Status: Ready" }).WaitForAsync();
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
            await page.GetByText("Entry published").WaitForAsync();
        }
        catch (Exception ex)
        {
            Directory.CreateDirectory(BrowserSiteFixture.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-failed.png"), FullPage = true });
            File.WriteAllText(Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-failed.html"), await page.ContentAsync());
            throw new Xunit.Sdk.XunitException($"The editor failed: {ex.Message}\nproblems:\n" + string.Join('\n', problems) + "\nblocked:\n" + string.Join('\n', elsewhere) + "\ndecap-server:\n" + backend.Log);
        }

        // Where `broadside new` would put it: articles/<year>/<slug of the headline>.md.
        var relative = ArticleScaffold.Create("Tenants win a rent freeze", "Housing", "Ana Ruiz", DateTimeOffset.UtcNow, Broadside.Configuration.SiteConfig.Fallback)!.RelativePath;
        var file = Path.Combine(input, relative);
        Assert.True(File.Exists(file), $"No {relative}; the articles are: {string.Join(", ", Directory.EnumerateFiles(Path.Combine(input, "articles"), "*.md", SearchOption.AllDirectories))}");
        var text = File.ReadAllText(file);
        File.WriteAllText(Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-saved-article.md"), text);

        var check = CommandRun.Run(repository.Path, "check", "--input", "input", "--theme", RepositoryPaths.Theme);
        Assert.True(check.Exit == 0 && !check.Output.Contains(": error ", StringComparison.Ordinal) && !check.Output.Contains(": warning ", StringComparison.Ordinal), $"broadside check on the saved article:\n{text}\n{check.Output}{check.Error}");

        using var built = new TemporaryFolder();
        var result = Builder.Build(new BuildOptions { InputFolder = input, ThemeFolder = RepositoryPaths.Theme, OutputFolder = built.Path });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = File.ReadAllText(Directory.EnumerateFiles(built.Path, "index.html", SearchOption.AllDirectories).Single(f => f.Contains("tenants-win-a-rent-freeze", StringComparison.Ordinal)));
        foreach (var shown in new[] { "Tomás Berg", "Ana Ruiz", "Rent control now!", "Repair every building by winter!", "rent" })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf("Tomás Berg", StringComparison.Ordinal) < html.IndexOf("Ana Ruiz", StringComparison.Ordinal), "The byline is not in the order the editor chose.");
        Assert.True(problems.Count == 0, "The editor met these problems:\n" + string.Join('\n', problems));
        Assert.True(elsewhere.Count == 0, "These requests tried to leave this computer:\n" + string.Join('\n', elsewhere));
    }

    // Picks an option of Decap's select (react-select) under the field labelled <paramref name="label"/>.
    private static async Task Choose(IPage page, string label, string option)
    {
        await page.GetByLabel(label).Last.FillAsync(option);
        await page.Keyboard.PressAsync("Enter");
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    // decap-server in its git mode on a free port, saving to the repository at a folder; stopped on dispose.
    private sealed class DecapServer : IDisposable
    {
        private readonly Process _process;
        private readonly LogWriter _log = new();

        private DecapServer(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public string Log => _log.ToString();

        public static DecapServer Start(string repository)
        {
            int port;
            using (var free = new TcpListener(IPAddress.Loopback, 0))
            {
                free.Start();
                port = ((IPEndPoint)free.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo(QualityTools.DecapServer) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["BIND_HOST"] = "127.0.0.1";
            start.Environment["GIT_REPO_DIRECTORY"] = repository;
            start.Environment["MODE"] = "git";
            start.Environment["LOG_LEVEL"] = "info";
            var process = Process.Start(start)!;
            var server = new DecapServer(process, new Uri($"http://127.0.0.1:{port}/"));
            var listening = new TaskCompletionSource();
            process.OutputDataReceived += (_, line) =>
            {
                server._log.WriteLine(line.Data);
                if (line.Data?.Contains("listening", StringComparison.OrdinalIgnoreCase) == true)
                {
                    listening.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, line) => server._log.WriteLine(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!listening.Task.Wait(Patience))
            {
                server.Dispose();
                Assert.Fail("decap-server did not start:\n" + server.Log);
            }

            return server;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
