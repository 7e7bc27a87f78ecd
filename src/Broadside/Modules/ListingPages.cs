using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>One page of a paginated list, ready to render.</summary>
/// <param name="Path">The page's path below the site root.</param>
/// <param name="Meta">Its head metadata.</param>
/// <param name="Variables">What its template sees besides <c>site</c> and <c>meta</c>.</param>
/// <param name="LastModified">The newest change among the page's items, for the sitemap.</param>
public sealed record ListingPage(string Path, MetaView Meta, ImmutableArray<KeyValuePair<string, object?>> Variables, DateTimeOffset? LastModified = null);

/// <summary>Splits lists into pages and renders pages in parallel.</summary>
public static class ListingPages
{
    /// <summary>
    /// The pages of <paramref name="items"/> at <paramref name="path"/>, <paramref name="size"/> to a page:
    /// page 1 at the path itself, page N at <c>page/N/</c>. An empty list still has one page.
    /// </summary>
    public static IEnumerable<(int Number, int Count, ImmutableArray<T> Items, string Path)> Split<T>(ImmutableArray<T> items, int size, string path)
    {
        var count = PageCount(items.Length, size);
        for (var number = 1; number <= count; number++)
        {
            var (start, length) = Page(items.Length, size, number);
            yield return (number, count, items.Slice(start, length), UrlScheme.Paged(path, number));
        }
    }

    /// <summary>
    /// The files of the pages of <paramref name="items"/> at <paramref name="path"/> (<see cref="Split"/>),
    /// each with the items it shows and its <c>lastmod</c>, the newest change among them.
    /// </summary>
    public static ImmutableArray<ListFile> Files<T>(ImmutableArray<T> items, int size, string path, Func<T, Article> article)
    {
        // As Split pages them, without copying each page's items: every list of the site is declared on every build.
        var count = PageCount(items.Length, size);
        var files = ImmutableArray.CreateBuilder<ListFile>(count);
        for (var number = 1; number <= count; number++)
        {
            var (start, length) = Page(items.Length, size, number);
            DateTimeOffset? newest = null;
            for (var i = start; i < start + length; i++)
            {
                var modified = article(items[i]).LastModified;
                if (newest is not { } known || modified > known)
                {
                    newest = modified;
                }
            }

            files.Add(new ListFile(UrlScheme.File(UrlScheme.Paged(path, number)), start, length, newest, InSitemap: true));
        }

        return files.MoveToImmutable();
    }

    /// <summary>The pages of <paramref name="list"/>, made of <paramref name="items"/>, that <paramref name="plan"/> makes.</summary>
    public static IEnumerable<(int Number, int Count, ImmutableArray<T> Items, string Path)> Made<T>(ListDeclaration list, ImmutableArray<T> items, OutputPlan plan) =>
        list.Files.Select((file, i) => (Number: i + 1, Count: list.Files.Length, Items: items.Slice(file.Start, file.Count), Path: file.Path[..^UrlScheme.File(string.Empty).Length], file.Path))
            .Where(page => plan.Makes(page.Item5))
            .Select(page => (page.Number, page.Count, page.Items, page.Path));

    // How many pages a list of 'length' items has, 'size' to a page: an empty list still has one.
    private static int PageCount(int length, int size) => Math.Max(1, (length + size - 1) / size);

    // Where page 'number' (from 1) of a list of 'length' items starts, and how many items it shows.
    private static (int Start, int Length) Page(int length, int size, int number)
    {
        var start = (number - 1) * size;
        return (start, Math.Min(size, length - start));
    }

    /// <summary>The newest change among <paramref name="articles"/>, or null for none.</summary>
    public static DateTimeOffset? Newest(IEnumerable<Article> articles) =>
        articles.Select(a => (DateTimeOffset?)a.LastModified).Max();

    /// <summary>The title of page <paramref name="number"/> of a list called <paramref name="title"/>, in the words of <paramref name="strings"/> (English when null).</summary>
    public static string Title(string title, int number, LanguageStrings? strings = null) =>
        number <= 1 ? title : (strings ?? LanguageStrings.English).Get("paged_title", ("title", title), ("number", number));

    /// <summary>The output files of <paramref name="pages"/>, rendered with <paramref name="template"/> when they are written.</summary>
    public static ImmutableArray<Engine.Document> Render(IReadOnlyList<ListingPage> pages, string template, Theme theme, SiteDocument site)
    {
        // A value several pages show (a term's header, a demand's summary, the demands the home page leads
        // with) is the same object on each, and is hashed once.
        var shared = new Dictionary<object, Hash128>(ReferenceEqualityComparer.Instance);
        return [.. pages.Select(page => new OutputFile
        {
            Destination = UrlScheme.File(page.Path),
            Render = (into, diagnostics) => theme.RenderPage(into, template, site.View, page.Meta, page.Variables, null, diagnostics),
            Key = Key(page, template, site, shared),
            LastModified = page.LastModified,
        })];
    }

    private static Hash128 Key(ListingPage page, string template, SiteDocument site, Dictionary<object, Hash128> shared)
    {
        var key = new KeyBuilder().Add(site.Key).Add(template).Add(page.Path).AddView(page.Meta);
        foreach (var (name, value) in page.Variables)
        {
            key.Add(name);
            if (value is null or string || value.GetType().IsPrimitive)
            {
                key.AddView(value);
            }
            else
            {
                if (!shared.TryGetValue(value, out var once))
                {
                    shared[value] = once = KeyBuilder.Of(value);
                }

                key.Add(once);
            }
        }

        return key.Finish();
    }
}
