using Broadside.Pictures;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Pictures;

/// <summary>Social cards are drawn the same way every time, on any thread (in any locale: <see cref="Build.DeterministicBuildTests"/>).</summary>
public sealed class CardImagingTests
{
    [Fact]
    public void A_card_drawn_again_on_other_threads_is_byte_for_byte_the_same()
    {
        // Drawn on several threads at once first: the fonts are registered while they start.
        var style = CardStyle.Of(RepositoryPaths.Theme)!;
        var again = new byte[8][];
        Parallel.For(0, again.Length, i => again[i] = CardImaging.Render(style, i % 2 == 0 ? "Labor" : "Housing", "Işık: grocery workers vote on strike authorization", "The Commons Dispatch", 80));
        var first = CardImaging.Render(style, "Labor", "Işık: grocery workers vote on strike authorization", "The Commons Dispatch", 80);
        again = [.. again.Where((_, i) => i % 2 == 0)];

        Assert.All(again, bytes => Assert.True(bytes.AsSpan().SequenceEqual(first), "a card came out otherwise"));
    }
}
