using System.Diagnostics;
using System.Net;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli.Serve;

/// <summary>
/// <c>serve</c> shows pages at once and makes the pictures it has never made after the build: they
/// are published by the build that follows, and the page reloads.
/// </summary>
public sealed class BackgroundPicturesTests
{
    // Making the sample's photographs takes seconds on a busy machine: the wait is for them, not for a page.
    private static readonly TimeSpan PicturePatience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_new_photo_is_in_its_page_at_once_and_served_when_its_files_are_made()
    {
        await using var site = await PreviewSite.StartAsync();
        Directory.CreateDirectory(site.Input("media", "2026"));
        await File.WriteAllBytesAsync(site.Input("media", "2026", "assembly.jpg"), PhonePhotos.Jpeg(1600, 1200, orientation: 1));
        await File.WriteAllTextAsync(site.Input("articles", "2026", "assembly.md"), """
            ---
            title: "The assembly votes"
            author: Ana Ruiz
            section: Labor
            date: 2026-11-25
            image: /media/2026/assembly.jpg
            image_alt: "Hands raised in a packed hall"
            ---

            The vote was unanimous.
            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        var page = await site.WaitForAsync("/2026/11/assembly/", (status, body) => status == HttpStatusCode.OK && body.Contains("assembly-640w.avif", StringComparison.Ordinal), "the new article with its picture");
        Assert.Contains("Hands raised in a packed hall", page, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, type, _) = await site.GetAsync("/media/2026/assembly-640w.avif");
            if (status == HttpStatusCode.OK)
            {
                Assert.Equal("image/avif", type);
                break;
            }

            Assert.True(clock.Elapsed < PicturePatience, $"the picture was not served within {PicturePatience.TotalSeconds} s. The terminal:\n{site.Terminal}");
            await Task.Delay(100);
        }

        // serve says so once every picture of the edit is made, which may be just after this one is served.
        while (!site.Terminal.Contains("made in the background", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < PicturePatience, $"serve did not say the pictures were made within {PicturePatience.TotalSeconds} s. The terminal:\n{site.Terminal}");
            await Task.Delay(100);
        }

        Assert.True(File.Exists(Path.Combine(site.OutputFolder, "media", "2026", "assembly-card.jpg")));
        Assert.Empty(site.Errors);
    }
}
