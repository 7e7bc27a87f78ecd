namespace Broadside.Content;

/// <summary>A correction made to an article after it was published (<c>corrections:</c>), shown with it.</summary>
/// <param name="Date">When it was made; a bare date is midnight in the site's time zone.</param>
/// <param name="Text">What was corrected, as the editor wrote it (plain text).</param>
public sealed record Correction(DateTimeOffset Date, string Text);
