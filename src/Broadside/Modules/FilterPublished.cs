using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Leaves out drafts and articles dated after <paramref name="now"/>, unless the build asks for them
/// (previews do; production does not).
/// </summary>
public sealed class FilterPublished(bool includeDrafts, bool includeFuture, DateTimeOffset now) : IModule
{
    private long _next = long.MaxValue;

    /// <summary>
    /// The earliest date among the articles left out for being dated after now, or null: when the site
    /// would change with no file changed.
    /// </summary>
    public DateTimeOffset? NextPublication
    {
        get
        {
            var ticks = Interlocked.Read(ref _next);
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [.. inputs.Where(document => document switch
        {
            ContentDocument { IsDraft: true } when !includeDrafts => false,
            Article article when !includeFuture && article.FrontMatter.Date > now => Scheduled(article.FrontMatter.Date),
            _ => true,
        })];

    // Notes a scheduled article's date; false, as it is left out.
    private bool Scheduled(DateTimeOffset date)
    {
        var ticks = date.UtcTicks;
        for (var next = Interlocked.Read(ref _next); ticks < next; next = Interlocked.Read(ref _next))
        {
            if (Interlocked.CompareExchange(ref _next, ticks, next) == next)
            {
                break;
            }
        }

        return false;
    }
}
