namespace Broadside.Templates.Views;

/// <summary>A version of a page in one of the site's languages, for the language switcher and <c>hreflang</c> links.</summary>
/// <param name="Code">Its language tag, for <c>hreflang</c> and <c>lang</c>.</param>
/// <param name="Name">The language's name in itself ("Español", "العربية").</param>
/// <param name="Url">Its root-relative URL.</param>
/// <param name="AbsoluteUrl">Its absolute URL, for <c>hreflang</c> links.</param>
/// <param name="Current">True for the version being shown.</param>
/// <param name="Dir">The language's direction: <c>ltr</c> or <c>rtl</c>.</param>
public sealed record LanguageLinkView(string Code, string Name, string Url, string AbsoluteUrl, bool Current, string Dir);
