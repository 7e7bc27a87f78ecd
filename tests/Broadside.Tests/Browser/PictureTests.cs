using System.Text.Json;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// The sample's article with the most photographs, read in Chromium on a phone 390 pixels wide with a
/// sharp screen: every picture shows upright, in its modern format, with its caption, and the lead
/// picture costs the reader no more than about 150 KB.
/// </summary>
public sealed class PictureTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    [ToolFact(Needs)]
    public async Task On_a_phone_every_picture_shows_upright_as_AVIF_with_its_caption_and_the_lead_costs_at_most_150_KB()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 390, options: o => { o.DeviceScaleFactor = 3; o.IsMobile = true; o.HasTouch = true; });
        await tab.GotoAsync(fixture.Pages.Pictures);

        // Scrolled through, so that every picture below the fold loads too.
        await tab.Page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } }");
        await tab.Page.WaitForFunctionAsync("() => [...document.images].filter(i => i.closest('picture')).every(i => i.complete && i.naturalWidth > 0)");
        var shown = await tab.Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('picture > img')].map(i => ({
              src: new URL(i.currentSrc).pathname,
              natural: i.naturalWidth / i.naturalHeight,
              declared: i.width / i.height,
              attributes: +i.getAttribute('width') / +i.getAttribute('height'),
              lead: !!i.closest('.lead-image'),
              caption: i.closest('figure')?.querySelector('figcaption')?.textContent.trim() ?? '',
              visible: i.getBoundingClientRect().width > 0,
              bytes: performance.getEntriesByName(i.currentSrc).reduce((n, e) => Math.max(n, e.encodedBodySize), -1)
            }))
            """);

        var all = shown.EnumerateArray().ToList();
        Assert.True(all.Count >= 4, $"{fixture.Pages.Pictures} shows {all.Count} pictures, fewer than a lead and three in the text.");
        foreach (var picture in all)
        {
            var src = picture.GetProperty("src").GetString()!;
            Assert.EndsWith(".avif", src, StringComparison.Ordinal);
            Assert.True(picture.GetProperty("visible").GetBoolean(), $"{src} is not shown");
            Assert.Equal(picture.GetProperty("attributes").GetDouble(), picture.GetProperty("natural").GetDouble(), 0.01);
            Assert.Equal(picture.GetProperty("attributes").GetDouble(), picture.GetProperty("declared").GetDouble(), 0.02);
            Assert.NotEqual(string.Empty, picture.GetProperty("caption").GetString());
        }

        var lead = all.Single(p => p.GetProperty("lead").GetBoolean());
        var (leadSrc, leadBytes) = (lead.GetProperty("src").GetString(), lead.GetProperty("bytes").GetInt64());
        Assert.True(leadBytes > 0, $"the lead picture {leadSrc} was not downloaded");
        Assert.True(leadBytes <= 150 * 1024, $"the lead picture {leadSrc} is {leadBytes / 1024} KB on a 390-pixel phone");
        tab.AssertClean();
    }
}
