using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>What readers are asked to do, after each article and on demand pages (<c>site.action</c>).</summary>
public sealed record CallToActionView
{
    /// <summary>The heading, or the theme's "Take action" when site.yml gives none.</summary>
    public required string Heading { get; init; }

    /// <summary>The sentence under the heading; empty for none.</summary>
    public required string Text { get; init; }

    /// <summary>The language its words are in when it is not the page's (a language without its own); empty otherwise.</summary>
    public string Lang { get; init; } = string.Empty;

    /// <summary>The direction of <see cref="Lang"/>; empty when <see cref="Lang"/> is.</summary>
    public string Dir { get; init; } = string.Empty;

    /// <summary>The links, shown as buttons.</summary>
    public required ImmutableArray<ActionLinkView> Links { get; init; }

    /// <summary>The signup form; null for none.</summary>
    public SignupView? Signup { get; init; }
}

/// <summary>A link of the call to action.</summary>
/// <param name="Label">What it says.</param>
/// <param name="Url">Where it leads: absolute, or from the site's root.</param>
public sealed record ActionLinkView(string Label, string Url);

/// <summary>A signup form that posts to a newsletter provider.</summary>
public sealed record SignupView
{
    /// <summary>The https address the form posts to.</summary>
    public required string Action { get; init; }

    /// <summary>The label of the email field.</summary>
    public required string Label { get; init; }

    /// <summary>What the button says.</summary>
    public required string Button { get; init; }

    /// <summary>The name of the email field.</summary>
    public required string EmailField { get; init; }

    /// <summary>The sentence that says where a reader's address goes on submitting.</summary>
    public required string Note { get; init; }

    /// <summary>Fixed fields the provider expects.</summary>
    public required ImmutableArray<HiddenFieldView> Hidden { get; init; }
}

/// <summary>A fixed field of a signup form.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Value">Its value.</param>
public sealed record HiddenFieldView(string Name, string Value);
