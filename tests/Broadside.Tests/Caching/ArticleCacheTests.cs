using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Broadside.Caching;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Markdown;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Caching;

public sealed class ArticleCacheTests : IDisposable
{
    private const string Articles = "input/articles";
    private const string Relative = "2026/2026-11-20-huelga-en-la-planta.md";
    private const string Source = Articles + "/" + Relative;
    private const long Length = 2_345;

    private static readonly Hash128 Fingerprint = new(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210);
    private static readonly Hash128 Hash = new(0x1111_2222_3333_4444, 0x5555_6666_7777_8888);
    private static readonly DateTime Started = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Modified = Started.AddHours(-3);

    // Not compared: Markdown is emptied once an article is rendered, and the cache keeps rendered articles
    // only, so it always reads back empty; LoadHtml is how HtmlUtf8 is come by (the sample sets the bytes,
    // the cache reads them when first asked), not what it is: HtmlUtf8 itself is compared byte for byte.
    private static readonly HashSet<string> NotCompared = [nameof(ContentDocument.Markdown), nameof(ContentDocument.LoadHtml)];

    private readonly TemporaryFolder _work = new();

    private string Folder => _work.Combine("cache");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void An_article_reads_back_from_a_reopened_cache_with_every_property_as_it_was_recorded()
    {
        var article = Sample();
        ImmutableArray<Diagnostic> parsed =
        [
            new(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "'subtitel' is not a front matter key: did you mean 'subtitle'?", Source, 4, 1),
            new(DiagnosticSeverity.Error, DiagnosticCodes.DataFileInvalid, "'ana' is not in authors.yml: add her there", "input/authors.yml", 7, 3),
        ];
        ImmutableArray<Diagnostic> rendered = [new(DiagnosticSeverity.Warning, DiagnosticCodes.HeadingLevelOne, "a level-one heading in the body: use ## (the title is the page's only #)", Source, 18, 1)];
        Record(article, parsed: parsed, rendered: rendered);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);
        var (parsing, rendering) = (new DiagnosticBag(), new DiagnosticBag());
        var found = cache.Find(Source, Hash, parsing);
        Assert.NotNull(found);
        cache.ReportRendering(found, rendering);

        AssertSameProperties(article, found, nameof(Article));
        Assert.Equal(Sorted(parsed), Sorted(parsing.ToImmutableSorted()));
        Assert.Equal(Sorted(rendered), Sorted(rendering.ToImmutableSorted()));
        Assert.Equal((1, 1), (cache.Loaded, cache.Reused));
    }

    [Fact]
    public void Another_hash_for_the_same_file_is_not_found()
    {
        Record(Sample());

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);

        Assert.Null(cache.Find(Source, Hash + 1, new DiagnosticBag()));
        Assert.Null(cache.Find(Articles + "/2026/another.md", Hash, new DiagnosticBag()));
        Assert.Equal(0, cache.Reused);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 0, false)]
    [InlineData(-1, 0, false)]
    [InlineData(0, 1, false)]
    [InlineData(0, -10_000_000, false)]
    public void Unchanged_trusts_a_file_only_with_the_size_and_time_recorded(long lengthChange, long ticksChange, bool trusted)
    {
        Record(Sample(), Modified);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);

        Assert.Equal(trusted ? Hash : null, cache.Unchanged(Source, Length + lengthChange, Modified.AddTicks(ticksChange)));
    }

    [Theory]
    [InlineData(-3600, true)]
    [InlineData(-3, true)]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(30, false)]
    public void A_file_modified_within_two_seconds_of_the_build_start_is_not_trusted_by_its_time_next_time(int secondsBeforeStart, bool trusted)
    {
        var modified = Started.AddSeconds(secondsBeforeStart);
        Record(Sample(), modified);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started.AddHours(1));

        Assert.Equal(trusted ? Hash : null, cache.Unchanged(Source, Length, modified));

        // Not trusted by its time, the file is read, and found by its hash.
        Assert.NotNull(cache.Find(Source, Hash, new DiagnosticBag()));
    }

    [Fact]
    public void A_file_read_again_and_found_by_its_hash_is_trusted_by_its_new_time_next_time()
    {
        Record(Sample(), Started.AddSeconds(-1));
        var touched = Started.AddMinutes(5);
        using (var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started.AddHours(1)))
        {
            Assert.Null(cache.Unchanged(Source, Length, touched));
            cache.Stamp(Source, Length, touched);
            Assert.NotNull(cache.Find(Source, Hash, new DiagnosticBag()));
            cache.Save();
        }

        using var reopened = ArticleCache.Open(Folder, Fingerprint, Articles, Started.AddHours(2));

        Assert.Equal(Hash, reopened.Unchanged(Source, Length, touched));
    }

    [Fact]
    public void A_cache_made_under_another_fingerprint_opens_empty()
    {
        Record(Sample());

        using var cache = ArticleCache.Open(Folder, Fingerprint + 1, Articles, Started);

        Assert.Equal(0, cache.Loaded);
        Assert.Null(cache.Unchanged(Source, Length, Modified));
        Assert.Null(cache.Find(Source, Hash, new DiagnosticBag()));
    }

    [Fact]
    public void A_cache_in_memory_starts_from_what_the_last_build_kept_under_the_same_fingerprint()
    {
        var first = ArticleCache.InMemory(Fingerprint, Articles, previous: null, Started);
        first.Stamp(Source, Length, Modified);
        first.Parsed(Source, []);
        first.Rendered(Sample(), []);
        first.Save();

        var next = ArticleCache.InMemory(Fingerprint, Articles, first, Started);
        var other = ArticleCache.InMemory(Fingerprint + 1, Articles, first, Started);

        Assert.Null(first.Folder);
        Assert.Equal(1, next.Loaded);
        Assert.Equal(Hash, next.Unchanged(Source, Length, Modified));
        Assert.Equal(Sample().HtmlUtf8, next.Find(Source, Hash, new DiagnosticBag())!.HtmlUtf8);
        Assert.Equal(0, other.Loaded);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void A_missing_cache_opens_empty_and_saving_it_makes_the_folder()
    {
        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);
        Assert.Equal(0, cache.Loaded);

        cache.Save();

        Assert.True(Directory.Exists(Folder));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(40)]
    [InlineData(-1)]
    public void A_truncated_file_opens_empty(int keep)
    {
        Record(Sample());
        var file = ShardFile();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(keep >= 0 ? keep : bytes.Length + keep)]);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);

        Assert.Equal(0, cache.Loaded);
        Assert.Null(cache.Find(Source, Hash, new DiagnosticBag()));
    }

    [Theory]
    [InlineData("magic")]
    [InlineData("version")]
    [InlineData("fingerprint")]
    [InlineData("index length")]
    [InlineData("index start")]
    [InlineData("index middle")]
    [InlineData("index end")]
    [InlineData("index checksum")]
    public void A_file_with_a_flipped_byte_before_the_bodies_opens_empty(string where)
    {
        Record(Sample());
        var file = ShardFile();
        var bytes = File.ReadAllBytes(file);
        var index = BitConverter.ToInt64(bytes, 24);
        var at = where switch
        {
            "magic" => 1,
            "version" => 4,
            "fingerprint" => 20,
            "index length" => 24,
            "index start" => 32,
            "index middle" => 32 + (int)(index / 2),
            "index end" => 32 + (int)index - 1,
            "index checksum" => 32 + (int)index + 3,
            _ => throw new ArgumentOutOfRangeException(nameof(where)),
        };
        bytes[at] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);

        Assert.Equal(0, cache.Loaded);
        Assert.Null(cache.Find(Source, Hash, new DiagnosticBag()));
    }

    [Fact]
    public void A_damaged_body_is_found_but_fails_when_read_and_the_cache_is_then_deleted()
    {
        Record(Sample());
        FlipLastByte(ShardFile());

        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);
        var found = cache.Find(Source, Hash, new DiagnosticBag());

        Assert.NotNull(found);
        var error = Assert.Throws<IOException>(() => found.HtmlUtf8);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains(Source, error.Message, StringComparison.Ordinal);

        cache.Save();

        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void A_damaged_body_first_read_when_its_file_is_written_again_deletes_the_cache()
    {
        Record(Sample(), Modified);
        FlipLastByte(ShardFile());

        // Touched: the entry takes the new time, so its file is written again, copying the body.
        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);
        cache.Stamp(Source, Length, Modified.AddMinutes(1));
        Assert.NotNull(cache.Find(Source, Hash, new DiagnosticBag()));

        cache.Save();

        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void Articles_a_build_did_not_use_are_gone_after_it()
    {
        var kept = Sample();
        var deleted = Sample(Articles + "/2025/2025-03-01-deleted.md");
        using (var first = ArticleCache.Open(Folder, Fingerprint, Articles, Started))
        {
            first.Rendered(kept, []);
            first.Rendered(deleted, []);
            first.Save();
        }

        using (var second = ArticleCache.Open(Folder, Fingerprint, Articles, Started))
        {
            Assert.Equal(2, second.Loaded);
            Assert.NotNull(second.Find(Source, Hash, new DiagnosticBag()));
            second.Save();
        }

        using var third = ArticleCache.Open(Folder, Fingerprint, Articles, Started);

        Assert.Equal(1, third.Loaded);
        Assert.NotNull(third.Find(Source, Hash, new DiagnosticBag()));
        Assert.Null(third.Find(deleted.Source!, Hash, new DiagnosticBag()));
    }

    [Fact]
    public void A_cache_opened_with_another_articles_folder_finds_its_articles_there_and_names_them_so()
    {
        const string Other = "../elsewhere/input/articles";
        var other = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DataFileInvalid, "not in authors.yml", "input/authors.yml", 7, 3);
        Record(
            Sample(),
            Modified,
            parsed: [new(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key", Source, 4, 1), other],
            rendered: [new(DiagnosticSeverity.Warning, DiagnosticCodes.HeadingLevelOne, "heading", Source, 18, 1)]);

        using var cache = ArticleCache.Open(Folder, Fingerprint, Other, Started);
        var moved = Other + "/" + Relative;
        var diagnostics = new DiagnosticBag();

        Assert.Equal(Hash, cache.Unchanged(moved, Length, Modified));
        Assert.Null(cache.Unchanged(Source, Length, Modified));
        var found = cache.Find(moved, Hash, diagnostics);
        Assert.NotNull(found);
        cache.ReportRendering(found, diagnostics);
        Assert.Equal(moved, found.Source);
        Assert.Equal(
            new[] { $"{moved}(4,1)", $"{moved}(18,1)", "input/authors.yml(7,3)" }.Order(StringComparer.Ordinal),
            diagnostics.ToImmutableSorted().Select(d => $"{d.File}({d.Line},{d.Column})").Order(StringComparer.Ordinal));
    }

    private void Record(
        Article article,
        DateTime? modified = null,
        ImmutableArray<Diagnostic> parsed = default,
        ImmutableArray<Diagnostic> rendered = default)
    {
        using var cache = ArticleCache.Open(Folder, Fingerprint, Articles, Started);
        cache.Stamp(article.Source!, Length, modified ?? Modified);
        cache.Parsed(article.Source!, parsed.IsDefault ? [] : parsed);
        cache.Rendered(article, rendered.IsDefault ? [] : rendered);
        cache.Save();
    }

    // One article: one of the cache's files holds it, and no other is written.
    private string ShardFile() => Assert.Single(Directory.GetFiles(Folder));

    private static Diagnostic[] Sorted(IEnumerable<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        foreach (var diagnostic in diagnostics)
        {
            bag.Add(diagnostic);
        }

        return bag.ToImmutableSorted().ToArray();
    }

    private static void FlipLastByte(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(file, bytes);
    }

    // An article with every property set to something other than its default.
    private static Article Sample(string source = Source) => new()
    {
        Source = source,
        Destination = "2026/11/huelga-en-la-planta/index.html",
        FrontMatter = new ArticleFrontMatter
        {
            Title = "Huelga en la planta: «¡ni un paso atrás!» — 罢工 ✊",
            Authors = ["Ana Ruiz", "Zhang Wei"],
            Section = "Labor",
            Date = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.FromHours(-6)),
            Tags = ["strikes", "fábricas"],
            Demands = [new DemandReference("Hire 500 drivers now!", null, 9, 5), new DemandReference(null, "rent-control", 10, 7)],
            Summary = "The night shift walked out at ten.",
            Slug = "huelga-en-la-planta",
            Draft = true,
            Updated = new DateTimeOffset(2026, 11, 21, 9, 15, 0, TimeSpan.FromMinutes(330)),
            Image = "/media/picket.jpg",
            ImageLine = 12,
            ImageAlt = "Pickets at the gate",
            ImageCaption = "The night shift on the picket line.",
            ImageCredit = "Photo: Ana Ruiz",
            Canonical = new Uri("https://elsewhere.example/2026/huelga?from=dispatch#top"),
            Lang = "es",
            LangLine = 14,
            TranslationKey = "strike",
            TranslationKeyLine = 15,
            Aliases = ["/old/huelga/", "/2026/huelga-vieja/"],
            Series = "Factory notes",
            Corrections = [new Correction(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(-6)), "Una versión anterior daba mal la hora — 十点.")],
            Toc = true,
            Extra = ImmutableDictionary.CreateRange<string, object?>(
                StringComparer.Ordinal,
                [
                    new("series", "Factory notes"),
                    new("nothing", null),
                    new("gallery", ImmutableArray.Create<object?>("a.jpg", null, ImmutableArray.Create<object?>("b.jpg", "c.jpg"), ImmutableDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [new("caption", "Día uno")]))),
                    new("credits", ImmutableDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [new("photo", "Zhang Wei"), new("none", null), new("places", ImmutableArray.Create<object?>("Riverton"))])),
                ]),
        },
        Slug = "huelga-en-la-planta",
        Path = "2026/11/huelga-en-la-planta/",
        Markdown = ReadOnlyMemory<byte>.Empty,
        BodyLineOffset = 14,
        SourceHash = Hash,
        HtmlUtf8 = Encoding.UTF8.GetBytes("<p>La planta paró a las diez — 罢工.</p>\n<h2 id=\"x\">Después</h2>\n"),
        FeedReady = true,
        Rendered = true,
        FirstParagraph = "La planta paró a las diez.",
        WordCount = 321,
        Players = 2,
        Links = [new WrittenLink("https://example.org/a", 16, 3), new WrittenLink("/media/picket.jpg", 18, 1, Image: true)],
        Headings = [new Heading(2, "x", "Después"), new Heading(3, "y-罢工", "Y — 罢工")],
    };

    // Property by property, so that a property added later fails here until the sample sets it and the cache keeps it.
    private static void AssertSameProperties(object expected, object actual, string path)
    {
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (NotCompared.Contains(property.Name) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = $"{path}.{property.Name}";
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            Assert.False(IsDefault(want), $"{name} is not set in the sample: set it, so that the test shows the cache keeps it.");
            if (want is ArticleFrontMatter)
            {
                AssertSameProperties(want, got!, name);
            }
            else
            {
                Assert.True(Same(want, got), $"{name} is not kept: recorded {Describe(want)}, read back {Describe(got)}.");
            }
        }
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        ValueType when value.Equals(Activator.CreateInstance(value.GetType())) => true,
        IEnumerable items => !items.Cast<object?>().Any(),
        _ => false,
    };

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (DateTimeOffset want, DateTimeOffset got) => want.EqualsExact(got),
        (Uri want, Uri got) => want.OriginalString == got.OriginalString,
        (string want, string got) => want == got,
        (IReadOnlyDictionary<string, object?> want, IReadOnlyDictionary<string, object?> got) =>
            want.Count == got.Count && want.All(kv => got.TryGetValue(kv.Key, out var value) && Same(kv.Value, value)),
        (IEnumerable want, IEnumerable got) => Enumerable.SequenceEqual(want.Cast<object?>(), got.Cast<object?>(), new SameComparer()),
        _ => expected.GetType() == actual.GetType() && expected.Equals(actual),
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {Describe(kv.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        DateTimeOffset date => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class SameComparer : IEqualityComparer<object?>
    {
        public new bool Equals(object? x, object? y) => Same(x, y);

        public int GetHashCode(object? obj) => 0;
    }
}
