namespace Broadside.Markdown;

/// <summary>Something in raw HTML that the site's <see cref="Configuration.RawHtmlPolicy"/> does not allow.</summary>
/// <param name="Code">The diagnostic code: <c>BS0503</c> for code that would run, <c>BS0504</c> for an embedded page.</param>
/// <param name="What">What was found, for messages: <c>a &lt;script&gt; element</c>.</param>
/// <param name="Fix">What the editor can do about it.</param>
/// <param name="Line">Its line in the HTML checked, from 1.</param>
public sealed record RawHtmlProblem(string Code, string What, string Fix, int Line)
{
    /// <summary>The message for the editor.</summary>
    public string Message => $"raw HTML with {What}: {Fix}";
}
