using System.Collections.Immutable;

namespace Broadside.Configuration;

/// <summary>
/// What the publication asks of its readers after each article and on demand pages
/// (<c>call_to_action:</c> in site.yml): a heading, a sentence, links (join, donate) and a signup form
/// that posts to a provider of the publication's choosing. Nothing is requested from that provider
/// until a reader submits the form.
/// </summary>
/// <param name="Language">The language tag its texts are written in.</param>
public sealed record CallToAction(string Language)
{
    /// <summary>The heading; empty for none.</summary>
    public string Heading { get; init; } = string.Empty;

    /// <summary>One or two sentences under the heading; empty for none.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Links shown as buttons, in the order written.</summary>
    public ImmutableArray<ActionLink> Links { get; init; } = [];

    /// <summary>The signup form; null for none.</summary>
    public SignupForm? Signup { get; init; }
}

/// <summary>A link of a <see cref="CallToAction"/>.</summary>
/// <param name="Label">What the button says.</param>
/// <param name="Url">An absolute http(s) address, or a path from the site's root.</param>
public sealed record ActionLink(string Label, string Url);

/// <summary>
/// A form with one email field that posts to a newsletter provider (<c>signup:</c>).
/// </summary>
/// <param name="Action">The https address the form posts to.</param>
public sealed record SignupForm(Uri Action)
{
    /// <summary>The field's label; empty for the theme's own words.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>What the button says; empty for the theme's own words.</summary>
    public string Button { get; init; } = string.Empty;

    /// <summary>The name the provider expects for the email address.</summary>
    public string EmailField { get; init; } = "email";

    /// <summary>Fixed fields the provider expects (a list's identifier), in the order written.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Hidden { get; init; } = [];

    /// <summary>The origin the form posts to (<c>https://host</c>), for the content security policy.</summary>
    public string Origin => Action.GetLeftPart(UriPartial.Authority);
}
