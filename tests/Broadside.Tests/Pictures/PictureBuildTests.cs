using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using NetVips;

namespace Broadside.Tests.Pictures;

/// <summary>
/// A publication whose editor dropped phone photos into <c>media/</c>, built end to end: every picture an
/// article shows is published as a &lt;picture&gt; in modern formats and several widths, upright, without
/// its metadata, and the original is never published.
/// </summary>
public sealed class PictureBuildTests : IDisposable
{
    private const string ArticleUrl = "/2026/03/the-depot-walkout/";

    private readonly TemporaryFolder _folder = new();

    public PictureBuildTests()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("minimal"), Input);
        Directory.CreateDirectory(Path.Combine(Input, "media", "2026"));
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "depot.jpg"), PhonePhotos.Jpeg(1600, 1200, orientation: 6));
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "march.jpg"), PhonePhotos.Jpeg(2400, 1600, orientation: 1));
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "banner.png"), PhonePhotos.TransparentPng());
        Article("the-depot-walkout.md", """
            ---
            title: "The depot walkout"
            author: Ana Ruiz
            section: News
            date: 2026-03-14
            image: /media/2026/depot.jpg
            image_alt: "Drivers stand at the depot gates at dawn."
            image_caption: "The first shift refused to take the buses out."
            image_credit: "Photo: Ana Ruiz"
            ---

            The drivers met before dawn.

            ![Marchers fill Lake Street](/media/2026/march.jpg "Thousands marched down Lake Street.")

            A banner ![the union's banner](/media/2026/banner.png) flew over the gates.
            """);
    }

    private string Input => _folder.Combine("input");

    private string Output => _folder.Combine("output");

    [Fact]
    public void The_lead_picture_is_a_picture_element_upright_sized_and_loaded_first_with_its_caption_and_credit()
    {
        var result = Build();
        var page = new SiteOutput(Output).Page(ArticleUrl);
        var figure = page.QuerySelector("figure.lead-image")!;
        var img = figure.QuerySelector("picture > img")!;

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(["image/avif", "image/webp"], figure.QuerySelectorAll("picture > source").Select(s => s.GetAttribute("type")));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("Drivers stand at the depot gates at dawn.", img.GetAttribute("alt"));

        // Stored 1600 by 1200 and turned by EXIF: published portrait, never wider than it is.
        Assert.Equal(1200, int.Parse(img.GetAttribute("width")!));
        Assert.Equal(1600, int.Parse(img.GetAttribute("height")!));
        Assert.Equal("The first shift refused to take the buses out. Photo: Ana Ruiz", figure.QuerySelector("figcaption")!.TextContent.Trim());
        var widths = img.GetAttribute("srcset")!.Split(", ").Select(s => int.Parse(s.Split(' ')[1].TrimEnd('w'))).ToList();
        Assert.Equal([320, 640, 960, 1200], widths);
        foreach (var source in figure.QuerySelectorAll("source").Select(s => s.GetAttribute("srcset")!).Append(img.GetAttribute("srcset")!))
        {
            foreach (var candidate in source.Split(", "))
            {
                var file = Path.Combine(Output, candidate.Split(' ')[0].TrimStart('/'));
                using var published = Image.NewFromFile(file);
                var width = int.Parse(candidate.Split(' ')[1].TrimEnd('w'));
                Assert.Equal(width, published.Width);
                Assert.True(published.Height > published.Width, $"{file} is not upright");
            }
        }
    }

    [Fact]
    public void A_picture_alone_in_its_paragraph_is_a_figure_with_its_title_as_caption_and_an_inline_one_stays_inline()
    {
        var result = Build();
        var page = new SiteOutput(Output).Page(ArticleUrl);
        var figure = page.QuerySelector(".article-body figure")!;
        var img = figure.QuerySelector("picture > img")!;
        var inline = page.QuerySelector(".article-body p picture > img")!;

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("Thousands marched down Lake Street.", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Null(img.GetAttribute("title"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("1600", img.GetAttribute("width"));
        Assert.Equal("1067", img.GetAttribute("height"));
        Assert.EndsWith(".jpg", img.GetAttribute("src"), StringComparison.Ordinal);

        // A transparent picture falls back to PNG, not JPEG.
        Assert.Equal("the union's banner", inline.GetAttribute("alt"));
        Assert.EndsWith(".png", inline.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains(".png 900w", inline.GetAttribute("srcset"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_published_file_keeps_the_photos_metadata_and_the_originals_are_not_published()
    {
        var result = Build();
        var media = Directory.EnumerateFiles(Path.Combine(Output, "media"), "*", SearchOption.AllDirectories).ToList();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Contains(Path.Combine(Output, "media", "2026", "depot-card.jpg"), media);
        Assert.Contains(Path.Combine(Output, "media", "2026", "march-1600w.avif"), media);
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            Assert.Empty(PhonePhotos.Leaks(File.ReadAllBytes(file)).Select(leak => $"{file}: {leak}"));
        }

        foreach (var file in media)
        {
            using var image = Image.NewFromFile(file);
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
                || f.StartsWith("iptc", StringComparison.Ordinal) || f.StartsWith("png-comment", StringComparison.Ordinal) || f == "icc-profile-data");
            Assert.True(image.Width <= 1600, $"{file} is {image.Width} wide");
        }

        // At the picture's own address: its widest variant, stripped, not the file the phone made.
        var own = File.ReadAllBytes(Path.Combine(Output, "media", "2026", "march.jpg"));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(Input, "media", "2026", "march.jpg")), own);
        using (var widest = Image.NewFromBuffer(own))
        {
            Assert.Equal(1600, widest.Width);
        }
    }

    [Fact]
    public void The_social_card_is_the_lead_picture_cropped_to_1200_by_630_and_every_head_tag_names_it()
    {
        var result = Build();
        var page = new SiteOutput(Output).Page(ArticleUrl);
        var card = "https://minimal.example.org/media/2026/depot-card.jpg";
        using var image = Image.NewFromFile(Path.Combine(Output, "media", "2026", "depot-card.jpg"));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal((1200, 630), (image.Width, image.Height));
        Assert.Equal(card, page.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal(card, page.QuerySelector("meta[name='twitter:image']")?.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Contains(card, page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_a_picture_has_a_card_with_its_headline_and_other_pages_the_publications_card()
    {
        var result = Build();
        var site = new SiteOutput(Output);
        var article = site.Page("/2026/01/first-issue/");
        var home = site.Page("/");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("https://minimal.example.org/2026/01/first-issue/card.jpg", article.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal("Our first issue", article.QuerySelector("meta[property='og:image:alt']")?.GetAttribute("content"));
        Assert.Equal("https://minimal.example.org/cards/site.jpg", home.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal("summary_large_image", home.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        foreach (var card in new[] { "2026/01/first-issue/card.jpg", "cards/site.jpg" })
        {
            using var image = Image.NewFromFile(Path.Combine(Output, card));
            Assert.Equal((1200, 630), (image.Width, image.Height));

            // Drawn in the theme's colours: its background at a corner, its accent in the bar at the top.
            Assert.Equal([253.0, 252.0, 250.0], image.Getpoint(600, 620).Select(v => Math.Round(v)), new ToleranceComparer(3));
            Assert.Equal([164.0, 22.0, 26.0], image.Getpoint(600, 5).Select(v => Math.Round(v)), new ToleranceComparer(6));
        }

        // The headline is drawn: the card of another headline differs.
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(Output, "2026/01/first-issue/card.jpg")), File.ReadAllBytes(Path.Combine(Output, "cards/site.jpg")));
    }

    [Fact]
    public void Only_the_newest_articles_have_cards_of_their_own_and_a_new_article_moves_the_oldest_to_the_publications_card()
    {
        File.AppendAllText(Path.Combine(Input, "site.yml"), "pictures:\n  headline_cards: 1\n");
        var first = Build();
        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Diagnostics));
        Assert.True(File.Exists(Path.Combine(Output, "2026/01/first-issue/card.jpg")));

        Article("newer.md", """
            ---
            title: "A newer article"
            author: Ana Ruiz
            section: News
            date: 2026-04-01
            ---

            Newer than the first issue.
            """);
        var second = Build();
        var fresh = _folder.Combine("fresh");
        var again = Builder.Build(Options() with { OutputFolder = fresh, CacheFolder = null });

        Assert.True(second.Succeeded, string.Join(Environment.NewLine, second.Diagnostics));
        Assert.False(File.Exists(Path.Combine(Output, "2026/01/first-issue/card.jpg")));
        Assert.True(File.Exists(Path.Combine(Output, "2026/04/newer/card.jpg")));
        Assert.Equal("https://minimal.example.org/cards/site.jpg", new SiteOutput(Output).Page("/2026/01/first-issue/").QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.True(again.Succeeded);
        Assert.Equal(new SiteOutput(fresh).Snapshot(), new SiteOutput(Output).Snapshot());
    }

    [Fact]
    public void The_publications_logo_is_the_publisher_logo_of_every_articles_schema_org_data()
    {
        File.WriteAllBytes(Path.Combine(Input, "media", "logo.png"), PhonePhotos.TransparentPng(600, 60));
        File.AppendAllText(Path.Combine(Input, "site.yml"), "logo: /media/logo.png\n");

        var result = Build();
        var data = System.Text.Json.JsonDocument.Parse(new SiteOutput(Output).Page(ArticleUrl).QuerySelector("script[type='application/ld+json']")!.TextContent);
        var logo = data.RootElement.GetProperty("publisher").GetProperty("logo");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal("https://minimal.example.org/media/logo.png", logo.GetProperty("url").GetString());
        Assert.True(File.Exists(Path.Combine(Output, "media", "logo.png")));
    }

    [Fact]
    public void A_picture_replaced_removed_and_added_again_builds_from_the_saved_state_as_a_fresh_build_does()
    {
        Assert.True(Build().Succeeded);
        var march = Path.Combine(Input, "media", "2026", "march.jpg");
        var depot = Path.Combine(Input, "media", "2026", "depot.jpg");
        var steps = new (string What, Action Edit)[]
        {
            ("the body picture replaced by a narrower one", () => File.WriteAllBytes(march, PhonePhotos.Jpeg(1000, 700, orientation: 1))),
            ("the lead picture turned the other way", () => File.WriteAllBytes(depot, PhonePhotos.Jpeg(1600, 1200, orientation: 8))),
            ("a picture no article shows added", () => File.WriteAllBytes(Path.Combine(Input, "media", "2026", "spare.png"), PhonePhotos.TransparentPng(700, 500))),
            ("that picture removed", () => File.Delete(Path.Combine(Input, "media", "2026", "spare.png"))),
        };
        foreach (var (what, edit) in steps)
        {
            edit();
            var result = Build();
            var fresh = _folder.Combine("fresh-" + Guid.NewGuid().ToString("N"));
            var again = Builder.Build(Options() with { OutputFolder = fresh, CacheFolder = null });

            Assert.True(result.Succeeded, $"{what}: " + string.Join(Environment.NewLine, result.Diagnostics));
            Assert.True(again.Succeeded, $"{what}: " + string.Join(Environment.NewLine, again.Diagnostics));
            var (built, expected) = (new SiteOutput(Output).Snapshot(), new SiteOutput(fresh).Snapshot());
            Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(built.Keys.Order(StringComparer.Ordinal)), $"{what}: the files differ: {string.Join(", ", expected.Keys.Except(built.Keys).Concat(built.Keys.Except(expected.Keys)))}");
            Assert.All(expected, file => Assert.True(file.Value.SequenceEqual(built[file.Key]), $"{what}: {file.Key} differs from a fresh build's"));
        }
    }

    [Fact]
    public void A_gif_is_published_as_a_picture_of_its_first_frame_and_its_link_is_not_reported_as_broken()
    {
        using (var frame = (Image.Black(800, 500) + 120).Cast(Enums.BandFormat.Uchar))
        {
            File.WriteAllBytes(Path.Combine(Input, "media", "2026", "flag.gif"), frame.GifsaveBuffer());
        }

        Article("gif.md", """
            ---
            title: "A GIF"
            author: Ana Ruiz
            section: News
            date: 2026-03-17
            ---

            ![A grey flag](/media/2026/flag.gif)
            """);

        var result = Build();
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var img = new SiteOutput(Output).Page("/2026/03/gif/").QuerySelector(".article-body picture > img")!;

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Matches(@"/media/2026/flag-800w\.(jpg|png)$", img.GetAttribute("srcset")!.Split(' ')[^2].TrimEnd(','));
        Assert.False(File.Exists(Path.Combine(Output, "media", "2026", "flag.gif")));
    }

    [Fact]
    public void Two_pictures_named_alike_but_for_their_extension_are_one_error_at_the_second()
    {
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "march.png"), PhonePhotos.TransparentPng());

        var result = Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.UrlCollision, "media/2026/march.png"), (error.Code, error.File));
        Assert.Contains("'media/2026/march.jpg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_build_encodes_nothing_and_leaves_every_picture_untouched()
    {
        var first = Build();
        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Diagnostics));
        var cache = Path.Combine(BuildOptions.DefaultCacheFolder(Output), "pictures");
        var kept = Directory.EnumerateFiles(cache).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var published = Directory.EnumerateFiles(Path.Combine(Output, "media"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Directory.Delete(Output, recursive: true);

        var again = Build();

        Assert.True(again.Succeeded, string.Join(Environment.NewLine, again.Diagnostics));
        Assert.Equal(kept, Directory.EnumerateFiles(cache).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(published.Keys.Order(), Directory.EnumerateFiles(Path.Combine(Output, "media"), "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void A_damaged_picture_a_bomb_and_a_heic_are_errors_at_their_files_and_at_the_lines_that_show_them_and_nothing_is_published()
    {
        Assert.True(Build().Succeeded);
        var before = new SiteOutput(Output).Snapshot();
        var photo = PhonePhotos.Jpeg(1600, 1200, orientation: 1);
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "cut.jpg"), photo[..(photo.Length / 2)]);
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "bomb.png"), PhonePhotos.Bomb());
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "iphone.heic"), [0, 0, 0, 24, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0, .. "mif1heic"u8.ToArray()]);
        Article("pictures.md", """
            ---
            title: "Pictures"
            author: Ana Ruiz
            section: News
            date: 2026-03-15
            ---

            ![A cut picture](/media/2026/cut.jpg)

            ![A bomb](/media/2026/bomb.png)

            ![An iPhone picture](/media/2026/iphone.heic)
            """);

        var result = Build();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.False(result.Succeeded);
        Assert.Equal(before, new SiteOutput(Output).Snapshot());
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.PictureUnreadable && d.File!.EndsWith("media/2026/cut.jpg", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.PictureTooLarge && d.File!.EndsWith("media/2026/bomb.png", StringComparison.Ordinal) && d.Message.Contains("60,000 by 60,000", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.PictureUnreadable && d.File!.EndsWith("media/2026/iphone.heic", StringComparison.Ordinal) && d.Message.Contains("export the picture as JPEG", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.File!.EndsWith("pictures.md", StringComparison.Ordinal) && d.Line == 8 && d.Message.Contains("cut.jpg", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.File!.EndsWith("pictures.md", StringComparison.Ordinal) && d.Line == 10 && d.Message.Contains("bomb.png", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.File!.EndsWith("pictures.md", StringComparison.Ordinal) && d.Line == 12 && d.Message.Contains("iphone.heic", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public void Check_reports_a_missing_description_a_remote_picture_and_a_small_one_at_their_lines()
    {
        File.WriteAllBytes(Path.Combine(Input, "media", "2026", "small.jpg"), PhonePhotos.Jpeg(400, 300, orientation: 1));
        Article("problems.md", """
            ---
            title: "Problems"
            author: Ana Ruiz
            section: News
            date: 2026-03-16
            image: /media/2026/small.jpg
            ---

            ![](/media/2026/march.jpg)

            ![A picture elsewhere](https://images.example.com/rally.jpg)
            """);

        var result = Builder.Build(Options() with { CheckOnly = true });
        static string Where(Diagnostic d) => $"{Path.GetFileName(d.File)}:{d.Line} {d.Code} {d.Severity}";
        var found = result.Diagnostics.Where(d => d.File!.EndsWith("problems.md", StringComparison.Ordinal)).Select(Where).ToList();

        Assert.False(result.Succeeded);
        Assert.Contains($"problems.md:6 {DiagnosticCodes.RequiredKeyMissing} Error", found);
        Assert.Contains($"problems.md:6 {DiagnosticCodes.PictureTooSmall} Warning", found);
        Assert.Contains($"problems.md:9 {DiagnosticCodes.PictureNoDescription} Error", found);
        Assert.Contains($"problems.md:11 {DiagnosticCodes.PictureRemote} Error", found);
        Assert.False(Directory.Exists(Path.Combine(BuildOptions.DefaultCacheFolder(Output), "pictures")), "check made pictures");
    }

    public void Dispose() => _folder.Dispose();

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private void Article(string name, string text) =>
        File.WriteAllText(Path.Combine(Input, "articles", name), text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");

    private BuildResult Build() => Builder.Build(Options());

    private BuildOptions Options() => new()
    {
        InputFolder = Input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = Output,
        CacheFolder = BuildOptions.DefaultCacheFolder(Output),
        Now = Broadside.Tests.Build.SampleSiteFixture.Now,
        DisplayRoot = Input,
    };
}
