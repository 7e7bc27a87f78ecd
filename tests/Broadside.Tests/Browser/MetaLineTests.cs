using System.Text.Json;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Browser;

/// <summary>
/// An article's facts (byline, date, reading time) on cards, lead stories and the article's page, at
/// every width from a small phone up: a line that wraps never starts or ends with the "·" between them.
/// </summary>
public sealed class MetaLineTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    // For every row of facts on the page: each separator a reader sees has a fact before it on its line
    // and its own fact after it on the same line; each separator cut off belongs to a fact that starts a
    // line. Returns the problems, and how many separators were cut off.
    private const string Script = """
        () => {
          const problems = [];
          let cut = 0;
          for (const row of document.querySelectorAll('.meta-items')) {
            const clip = row.parentElement.getBoundingClientRect();
            const items = [...row.children];
            items.forEach((item, i) => {
              const sep = item.querySelector(':scope > .sep');
              if (!sep) {
                if (i > 0) problems.push(`${location.pathname}: the fact "${item.textContent.trim()}" has no separator`);
                return;
              }
              const mark = sep.getBoundingClientRect();
              const centre = (mark.left + mark.right) / 2;
              const seen = centre > clip.left - 4 && centre < clip.right + 4;
              const box = item.getBoundingClientRect();
              const before = items[i - 1].getBoundingClientRect();
              const sameLine = Math.abs(before.top - box.top) < 2;
              const text = `"${row.textContent.replace(/\s+/g, ' ').trim()}"`;
              if (seen && !sameLine) problems.push(`${location.pathname}: ${text} starts a line with a separator`);
              if (!seen && sameLine) problems.push(`${location.pathname}: ${text} lost a separator in the middle of a line`);
              if (seen && item.getClientRects().length !== 1) problems.push(`${location.pathname}: ${text} ends a line with a separator`);
              if (seen && box.height > 2 * mark.height) problems.push(`${location.pathname}: ${text} wraps after a separator`);
              if (!seen) cut++;
            });
          }
          return { problems, cut, rows: document.querySelectorAll('.meta-items').length };
        }
        """;

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1280)]
    public async Task No_line_of_an_articles_facts_starts_or_ends_with_a_separator(int width)
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, width);
        var (rows, cut) = (0, 0);
        foreach (var path in new[] { SamplePages.Home, fixture.Pages.Section, fixture.Pages.Author, fixture.Pages.Article, SamplePages.ArabicHome, fixture.Pages.ArabicArticle })
        {
            await tab.GotoAsync(path);
            var result = await tab.Page.EvaluateAsync<JsonElement>(Script);
            Assert.Empty(result.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
            rows += result.GetProperty("rows").GetInt32();
            cut += result.GetProperty("cut").GetInt32();
        }

        Assert.True(rows > 10, $"only {rows} rows of facts were found");

        // On a small phone some rows wrap: the test looked at separators that start a line.
        if (width == 320)
        {
            Assert.True(cut > 0, "no row of facts wrapped at 320 pixels");
        }
    }
}
