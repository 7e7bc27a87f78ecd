namespace Broadside.Templates.Views;

/// <summary>A correction of an article as templates see it (items of <c>article.corrections</c>).</summary>
/// <param name="DateIso">When it was made, for <c>&lt;time datetime&gt;</c>.</param>
/// <param name="DateDisplay">The same day as readers read dates.</param>
/// <param name="Text">What was corrected, plain text.</param>
public sealed record CorrectionView(string DateIso, string DateDisplay, string Text);
