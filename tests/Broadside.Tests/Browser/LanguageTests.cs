using System.Text.Json;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// The sample's Arabic site in Chromium on a phone and a desktop: laid out right to left, a word of a
/// left-to-right script inside a headline kept in its own order, and the language switcher used by keyboard.
/// </summary>
public sealed class LanguageTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    [ToolTheory(Needs)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task An_arabic_article_is_laid_out_right_to_left(int width)
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, width);
        await tab.GotoAsync(fixture.Pages.ArabicArticle);

        var layout = await tab.Page.EvaluateAsync<JsonElement>("""
            () => {
              const box = e => e.getBoundingClientRect();
              const headline = document.querySelector('h1.headline');
              const main = box(headline);
              // The headline's first letter: where the line starts.
              const range = document.createRange();
              const first = document.createTreeWalker(headline, NodeFilter.SHOW_TEXT).nextNode();
              range.setStart(first, 0);
              range.setEnd(first, 1);
              const text = range.getBoundingClientRect();
              const nav = [...document.querySelectorAll('.site-nav li')].map(li => box(li));
              const quote = document.querySelector('.article-body blockquote');
              const list = document.querySelector('.article-body ul li, .article-body ol li');
              return {
                dir: getComputedStyle(document.documentElement).direction,
                lang: document.documentElement.lang,
                mainRight: main.right, mainLeft: main.left,
                textRight: text.right, textLeft: text.left,
                firstNavRight: nav.length ? nav[0].right : 0, firstNavTop: nav.length ? nav[0].top : 0,
                secondNavRight: nav.length > 1 ? nav[1].right : 0, secondNavTop: nav.length > 1 ? nav[1].top : 0,
                quoteBorderRight: quote ? parseFloat(getComputedStyle(quote).borderRightWidth) : -1,
                quoteBorderLeft: quote ? parseFloat(getComputedStyle(quote).borderLeftWidth) : -1,
                listMarker: list ? getComputedStyle(list.parentElement).paddingRight : '',
                scrollWidth: document.documentElement.scrollWidth,
                width: window.innerWidth
              };
            }
            """);

        Assert.Equal(("rtl", "ar"), (layout.GetProperty("dir").GetString(), layout.GetProperty("lang").GetString()));

        // The headline's first letter is at its box's right edge, and the menu runs from right to left.
        Assert.True(Math.Abs(layout.GetProperty("mainRight").GetDouble() - layout.GetProperty("textRight").GetDouble()) < 2, $"{tab.Path}: the headline does not start at the right ({layout})");
        if (layout.GetProperty("firstNavTop").GetDouble() == layout.GetProperty("secondNavTop").GetDouble())
        {
            Assert.True(layout.GetProperty("firstNavRight").GetDouble() > layout.GetProperty("secondNavRight").GetDouble(), $"{tab.Path}: the menu runs left to right ({layout})");
        }

        // A quotation's bar is on its right, where the text starts.
        Assert.True(layout.GetProperty("quoteBorderRight").GetDouble() > 0 && layout.GetProperty("quoteBorderLeft").GetDouble() == 0, $"{tab.Path}: the quotation's bar is not on the right ({layout})");
        Assert.True(layout.GetProperty("scrollWidth").GetInt32() <= layout.GetProperty("width").GetInt32(), $"{tab.Path} is wider than the window at {width} px");
        await tab.ScreenshotAsync($"arabic-article-{width}");
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task A_latin_word_in_an_arabic_headline_keeps_its_letters_in_order()
    {
        var headline = fixture.Site.HtmlFiles
            .Where(file => file.StartsWith("ar/20", StringComparison.Ordinal))
            .Select(file => (File: file, Title: fixture.Site.Parse(file).QuerySelector("h1")?.TextContent ?? string.Empty))
            .First(p => System.Text.RegularExpressions.Regex.IsMatch(p.Title, "[A-Za-z]{3,}"));
        var word = System.Text.RegularExpressions.Regex.Match(headline.Title, "[A-Za-z]{3,}").Value;

        await using var tab = await BrowserTab.OpenAsync(fixture, 390);
        await tab.GotoAsync("/" + headline.File[..^"index.html".Length]);

        // Each letter of the word stands left of the next, though the line runs right to left.
        var lefts = await tab.Page.EvaluateAsync<double[]>("""
            word => {
              const h1 = document.querySelector('h1');
              const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                return [...word].map((_, i) => {
                  const range = document.createRange();
                  range.setStart(node, at + i);
                  range.setEnd(node, at + i + 1);
                  return range.getBoundingClientRect().left;
                });
              }
              return [];
            }
            """, word);

        Assert.Equal(word.Length, lefts.Length);
        Assert.Equal(lefts.Order(), lefts);
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task The_language_switcher_works_by_keyboard()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        await tab.GotoAsync(fixture.Pages.ArabicArticle);
        var spanish = fixture.Site.Page(fixture.Pages.ArabicArticle).QuerySelector("nav.translations a[hreflang=es]")!.GetAttribute("href")!;

        // Tab from the top of the page to the article's link to its Spanish version, then follow it with Enter.
        for (var i = 0; i < 60; i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            var focused = await tab.Page.EvaluateAsync<JsonElement>("() => ({ href: document.activeElement.getAttribute('href'), lang: document.activeElement.getAttribute('hreflang'), translations: !!document.activeElement.closest('nav.translations'), outline: getComputedStyle(document.activeElement).outlineStyle })");
            if (focused.GetProperty("translations").GetBoolean() && focused.GetProperty("lang").GetString() == "es")
            {
                Assert.NotEqual("none", focused.GetProperty("outline").GetString());
                await tab.Page.Keyboard.PressAsync("Enter");
                await tab.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'es'");
                Assert.Equal(spanish, Uri.UnescapeDataString(tab.Path));
                tab.AssertClean();
                return;
            }
        }

        Assert.Fail($"{tab.Path}: no tab stop reached the link to the Spanish version");
    }
}
