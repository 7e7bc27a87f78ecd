using System.Text.Json;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// axe-core, run in headless Chromium on each kind of page of the sample site, in the light and the
/// dark theme, finds no accessibility violation (contrast, landmarks, names, language, ARIA); and a
/// keyboard reader always sees where the focus is, starting at the skip link.
/// </summary>
public sealed class AccessibilityTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind | Tool.Axe;

    // axe's own report, cut down to what a failure message needs.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}\n` +
            v.nodes.map(n => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'));
        }
        """;

    [ToolTheory(Needs)]
    [MemberData(nameof(SamplePages.Kinds), MemberType = typeof(SamplePages))]
    public async Task Axe_finds_no_violation_in_the_light_or_the_dark_theme(string name)
    {
        var found = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // axe is injected as an inline script, which the site's policy rightly blocks: this tab alone bypasses it.
            await using var tab = await BrowserTab.OpenAsync(fixture, 1280, scheme, o => o.BypassCSP = true);
            await tab.GotoAsync(fixture.Pages.ByName[name]);
            if (name.StartsWith("search", StringComparison.Ordinal))
            {
                // The results and filters are checked too, not only the empty box: in each language, a word of its articles.
                await tab.Page.Locator(".pagefind-ui__search-input").FillAsync(name == "search" ? "strike" : "الإضراب");
                await tab.Page.Locator(".pagefind-ui__result-link").First.WaitForAsync();
            }

            await tab.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = QualityTools.AxeScript });
            var violations = await tab.Page.EvaluateAsync<JsonElement>(RunAxe);
            found.AddRange(violations.EnumerateArray().Select(v => $"{scheme}: {v.GetString()}"));
            tab.AssertClean();
        }

        Assert.True(found.Count == 0, $"axe-core found on {fixture.Pages.ByName[name]}:\n" + string.Join('\n', found));
    }

    [ToolFact(Needs)]
    public async Task The_first_tab_stop_is_a_visible_skip_link_to_the_main_content_and_every_focus_is_outlined()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        var page = tab.Page;
        await tab.GotoAsync(fixture.Pages.Article);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.getBoundingClientRect().top >= 0"));

        for (var stop = 0; stop < 25; stop++)
        {
            var focus = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement, s = getComputedStyle(e);
                  return { what: e.outerHTML.slice(0, 80), outlined: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
                }
                """);
            Assert.True(focus.GetProperty("outlined").GetBoolean(), "No visible focus outline on " + focus.GetProperty("what").GetString());
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Locator(".skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The jump to the fragment is a navigation within the page, which ends after the key is handled.
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        tab.AssertClean();
    }
}
