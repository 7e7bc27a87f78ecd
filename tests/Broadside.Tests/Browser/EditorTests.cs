using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Broadside.Build;
using Broadside.Cli;
using Broadside.Cli.Serve;
using Broadside.Content;
using Broadside.Outputs;
using Broadside.Tests.Cli.Serve;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;
using YamlDotNet.RepresentationModel;

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
        await using var editor = await EditorSession.StartAsync();
        var page = editor.Page;
        await editor.RunAsync(async () =>
        {
            await page.GotoAsync("admin/#/collections/articles/new");
            await page.GetByLabel("Headline").FillAsync("Tenants win a rent freeze");
            await Choose(page, "Authors", "Tomás Berg");
            await Choose(page, "Authors", "Ana Ruiz");
            await Choose(page, "Section", "Housing");
            await page.GetByLabel("Tags").FillAsync("rent");

            // Broadside's demands widget, by keyboard: the first in the article's own words, the second from demands.yml.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a demand" }).PressAsync("Enter");
            await page.GetByLabel("Demand 1 is").SelectOptionAsync(new SelectOptionValue { Label = "in the article's own words" });
            await page.GetByLabel("Demand 1, in the article's own words").FillAsync("Repair every building by winter!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a demand" }).PressAsync("Enter");
            await page.GetByLabel("Demand 2, from the demands index").SelectOptionAsync(new SelectOptionValue { Label = "Rent control now!" });
            await page.Locator("[data-slate-editor]").ClickAsync();
            await page.Keyboard.TypeAsync("The tenants of Riverside won a freeze of every rent for a year.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-new-article.png"), FullPage = true });

            // The editorial workflow: saved as a draft (a branch of its own), set ready, then published (merged into main).
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await page.GetByText("Entry saved").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" }).ClickAsync();
            await page.GetByText("Ready", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Status: Ready" }).WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
            await page.GetByText("Entry published").WaitForAsync();
        });

        // Where `broadside new` would put it: articles/<year>/<slug of the headline>.md.
        var relative = ArticleScaffold.Create("Tenants win a rent freeze", "Housing", "Ana Ruiz", DateTimeOffset.UtcNow, Broadside.Configuration.SiteConfig.Fallback)!.RelativePath;
        var file = Path.Combine(editor.Input, relative);
        Assert.True(File.Exists(file), $"No {relative}; the articles are: {string.Join(", ", Directory.EnumerateFiles(Path.Combine(editor.Input, "articles"), "*.md", SearchOption.AllDirectories))}");
        var text = File.ReadAllText(file);
        File.WriteAllText(Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-saved-article.md"), text);
        Assert.Equal([("Repair every building by winter!", null), (null, "rent-control")], DemandsOf(text));

        var check = CommandRun.Run(editor.Repository, "check", "--input", "input", "--theme", RepositoryPaths.Theme);
        Assert.True(check.Exit == 0 && !check.Output.Contains(": error ", StringComparison.Ordinal) && !check.Output.Contains(": warning ", StringComparison.Ordinal), $"broadside check on the saved article:\n{text}\n{check.Output}{check.Error}");

        using var built = new TemporaryFolder();
        var result = Builder.Build(new BuildOptions { InputFolder = editor.Input, ThemeFolder = RepositoryPaths.Theme, OutputFolder = built.Path });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = File.ReadAllText(Directory.EnumerateFiles(built.Path, "index.html", SearchOption.AllDirectories).Single(f => f.Contains("tenants-win-a-rent-freeze", StringComparison.Ordinal)));
        foreach (var shown in new[] { "Tomás Berg", "Ana Ruiz", "Rent control now!", "Repair every building by winter!", "rent" })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf("Tomás Berg", StringComparison.Ordinal) < html.IndexOf("Ana Ruiz", StringComparison.Ordinal), "The byline is not in the order the editor chose.");
        editor.AssertClean();
    }

    [ToolFact(Tool.Chromium | Tool.Decap)]
    public async Task An_article_written_as_a_file_is_saved_from_the_web_editor_with_its_demands_and_byline()
    {
        // The fixture's article names its author as text, as `broadside new` writes it, and its demands in its own words and by id.
        await using var editor = await EditorSession.StartAsync();
        var page = editor.Page;
        await editor.RunAsync(async () =>
        {
            await page.GotoAsync("admin/#/collections/articles/entries/2026/drivers-vote-to-strike");
            await page.GetByLabel("Summary").FillAsync("Route 12 stops on Monday.");

            // The file's demands, in its order: its words, one of demands.yml, its words.
            Assert.Equal("Hire 500 drivers now!", await page.GetByLabel("Demand 1, in the article's own words").InputValueAsync());
            Assert.Equal("free-transit", await page.GetByLabel("Demand 2, from the demands index").InputValueAsync());
            Assert.Equal("Safe schedules on every route!", await page.GetByLabel("Demand 3, in the article's own words").InputValueAsync());
            await page.GetByLabel("Demand 3, in the article's own words").FillAsync("Safe schedules on every route, now!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a demand" }).ClickAsync();
            await page.GetByLabel("Demand 4 is").SelectOptionAsync(new SelectOptionValue { Label = "in the article's own words" });
            await page.GetByLabel("Demand 4, in the article's own words").FillAsync("A raise for every driver!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move demand 4 up" }).PressAsync("Enter");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-demands.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await page.GetByText("Entry saved").WaitForAsync();
        });

        var saved = editor.Git("show", "cms/articles/2026/drivers-vote-to-strike:input/articles/2026/drivers-vote-to-strike.md");
        Assert.Contains("summary: Route 12 stops on Monday.", saved, StringComparison.Ordinal);
        Assert.Equal(
            [("Hire 500 drivers now!", null), (null, "free-transit"), ("A raise for every driver!", null), ("Safe schedules on every route, now!", null)],
            DemandsOf(saved));
        Assert.Contains("author:\n  - Ana Ruiz\n", saved, StringComparison.Ordinal);

        // What it saved passes the check, in a copy of the publication: decap-server keeps working in the repository.
        using var copy = new TemporaryFolder();
        TemporaryFolder.CopyFolder(editor.Input, copy.Combine("input"));
        File.WriteAllText(copy.Combine("input", "articles", "2026", "drivers-vote-to-strike.md"), saved);
        var check = CommandRun.Run(copy.Path, "check", "--input", "input", "--theme", RepositoryPaths.Theme);
        Assert.True(check.Exit == 0 && !check.Output.Contains(": error ", StringComparison.Ordinal) && !check.Output.Contains(": warning ", StringComparison.Ordinal), $"broadside check on the saved article:\n{saved}\n{check.Output}{check.Error}");
        editor.AssertClean();
    }

    // The demands of a saved article's front matter, in order: each a plain string (its words) or a mapping of an id alone.
    private static (string? Text, string? Id)[] DemandsOf(string markdown)
    {
        var front = markdown.Split("---\n")[1];
        var stream = new YamlStream();
        stream.Load(new StringReader(front));
        var demands = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["demands"];
        return [.. demands.Children.Select(item => item switch
        {
            YamlScalarNode words => ((string?)words.Value, (string?)null),
            YamlMappingNode demand when demand.Children.Count == 1 => (null, ((YamlScalarNode)demand["id"]).Value),
            _ => throw new Xunit.Sdk.XunitException($"A demand is neither words nor an id: {item}"),
        })];
    }

    // Picks an option of Decap's select (react-select) under the field labelled <paramref name="label"/>.
    private static async Task Choose(IPage page, string label, string option)
    {
        await page.GetByLabel(label).Last.FillAsync(option);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// The fixture publication in a git repository of its own, served with the web editor, decap-server
    /// saving to it, and a Chromium page logged in to the editor that records every problem and every
    /// request that would leave this computer.
    /// </summary>
    private sealed class EditorSession : IAsyncDisposable
    {
        private readonly List<string> _problems = [];
        private readonly List<string> _elsewhere = [];
        private readonly List<IAsyncDisposable> _closing = [];
        private readonly TemporaryFolder _repository = new();
        private readonly TemporaryFolder _output = new();
        private DecapServer? _backend;
        private IPlaywright? _playwright;

        public IPage Page { get; private set; } = null!;

        public string Repository => _repository.Path;

        public string Input => _repository.Combine("input");

        public static async Task<EditorSession> StartAsync()
        {
            QualityTools.Require(Tool.Chromium | Tool.Decap);
            var session = new EditorSession();
            try
            {
                await session.OpenAsync();
                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        /// <summary>Runs the steps of a test in the editor; when one fails, saves a screenshot and says what the page and decap-server met.</summary>
        public async Task RunAsync(Func<Task> steps)
        {
            try
            {
                await steps();
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Directory.CreateDirectory(BrowserSiteFixture.ScreenshotFolder);
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "editor-failed.png"), FullPage = true });
                throw new Xunit.Sdk.XunitException($"The editor failed: {ex.Message}\nproblems:\n{string.Join('\n', Problems)}\nblocked:\n{string.Join('\n', Elsewhere)}\ndecap-server:\n{_backend?.Log}");
            }
        }

        /// <summary>Asserts that nothing was logged as an error or blocked by the policy, and no request left this computer.</summary>
        public void AssertClean()
        {
            Assert.True(Problems.Count == 0, "The editor met these problems:\n" + string.Join('\n', Problems));
            Assert.True(Elsewhere.Count == 0, "These requests tried to leave this computer:\n" + string.Join('\n', Elsewhere));
        }

        /// <summary>Runs git in the repository; returns what it printed.</summary>
        public string Git(params string[] arguments)
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = Repository, RedirectStandardError = true, RedirectStandardOutput = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
            return output.Result;
        }

        public async ValueTask DisposeAsync()
        {
            for (var i = _closing.Count - 1; i >= 0; i--)
            {
                await _closing[i].DisposeAsync();
            }

            _playwright?.Dispose();
            _backend?.Dispose();
            _output.Dispose();
            _repository.Dispose();
        }

        private IReadOnlyList<string> Problems
        {
            get
            {
                lock (_problems)
                {
                    return [.. _problems];
                }
            }
        }

        private IReadOnlyList<string> Elsewhere
        {
            get
            {
                lock (_elsewhere)
                {
                    return [.. _elsewhere];
                }
            }
        }

        private async Task OpenAsync()
        {
            TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("editor"), Input);

            // decap-server commits each save: the repository names its committer, as a CI machine may have none.
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "An Editor");
            Git("config", "user.email", "editor@example.org");
            Git("config", "commit.gpgsign", "false");
            Git("add", "-A");
            Git("commit", "-q", "-m", "The publication");

            var server = await PreviewServer.StartAsync(
                new PreviewOptions
                {
                    Build = new BuildOptions
                    {
                        InputFolder = Input,
                        ThemeFolder = RepositoryPaths.Theme,
                        OutputFolder = _output.Path,
                        IncludeDrafts = true,
                        IncludeFuture = true,
                        Editor = QualityTools.DecapBundle,
                    },
                    Port = 0,
                },
                new Reporter(new LogWriter(), new LogWriter()),
                CancellationToken.None);
            _closing.Add(server);
            _backend = DecapServer.Start(Repository);

            _playwright = await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = QualityTools.Chromium, Headless = true });
            _closing.Add(browser);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url.AbsoluteUri, ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, Locale = "en-US" });
            context.SetDefaultTimeout((float)Patience.TotalMilliseconds);

            // Decap asks for its local backend at localhost:8081, its default; the test's decap-server listens on
            // a free port, so what goes to the one is answered by the other. Anything else off the site is blocked.
            await context.RouteAsync("**/*", async route =>
            {
                var url = new Uri(route.Request.Url);
                if (url.Scheme is "data" or "blob" || (url.Host == server.Url.Host && url.Port == server.Url.Port))
                {
                    await route.ContinueAsync();
                }
                else if (url.GetLeftPart(UriPartial.Authority) == SecurityHeaders.LocalBackendOrigin)
                {
                    var answer = await route.FetchAsync(new RouteFetchOptions { Url = _backend.Url + url.PathAndQuery.TrimStart('/') });
                    await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
                }
                else
                {
                    Record(_elsewhere, $"{route.Request.Method} {route.Request.Url}");
                    await route.AbortAsync("blockedbyclient");
                }
            });
            Page = await context.NewPageAsync();
            Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

            // Decap asks its local backend for a draft of each entry it opens, and takes 404 for "none yet".
            Page.Console += (_, message) =>
            {
                if ((message.Type is "error" && !message.Location.StartsWith(SecurityHeaders.LocalBackendOrigin, StringComparison.Ordinal))
                    || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    Record(_problems, $"console {message.Type}: {message.Text}");
                }
            };
            Page.Response += (_, response) =>
            {
                if (response.Status >= 400 && !(response.Status == 404 && response.Url.StartsWith(SecurityHeaders.LocalBackendOrigin, StringComparison.Ordinal)))
                {
                    Record(_problems, $"{response.Status} for {response.Url}");
                }
            };
            Page.PageError += (_, error) => Record(_problems, $"script error: {error}");

            // The editor's own policy, with decap-server's origin as serve sends it; never the site's as well.
            var answer = await Page.GotoAsync("admin/");
            Assert.Equal(SecurityHeaders.EditorPolicy(localBackend: true), answer!.Headers["content-security-policy"]);
            await RunAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync());
        }

        private static void Record(List<string> list, string line)
        {
            lock (list)
            {
                list.Add(line);
            }
        }
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
