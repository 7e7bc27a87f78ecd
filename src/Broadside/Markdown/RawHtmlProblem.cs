namespace Broadside.Markdown;

/// <summary>
/// Something in raw HTML that the site's <see cref="Configuration.RawHtmlPolicy"/> does not allow, or that
/// its content security policy would keep readers' browsers from loading.
/// </summary>
/// <param name="Code">The diagnostic code: <c>BS0503</c> for code that would run, <c>BS0504</c> for an embedded page, <c>BS0604</c> for a picture and <c>BS0510</c> for audio, video or a form's address on another site.</param>
/// <param name="What">What was found, for messages: <c>a &lt;script&gt; element</c>.</param>
/// <param name="Fix">What the editor can do about it.</param>
/// <param name="Line">Its line in the HTML checked, from 1.</param>
/// <param name="Warning">True for what the page shows without (a picture or a player the browser does not load): a warning, not an error.</param>
public sealed record RawHtmlProblem(string Code, string What, string Fix, int Line, bool Warning = false)
{
    /// <summary>The message for the editor.</summary>
    public string Message => $"raw HTML with {What}: {Fix}";
}
