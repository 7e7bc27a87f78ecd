using Broadside.Configuration;
using Broadside.Diagnostics;

namespace Broadside.Tests.Configuration;

public sealed class CallToActionReaderTests
{
    private const string File = "input/site.yml";

    private const string Site = "title: The Dispatch\nbase_url: https://example.org/\n";

    [Fact]
    public void Reads_a_heading_a_text_links_and_a_signup_form()
    {
        var (config, diagnostics) = Parse(Site + """
            call_to_action:
              heading: Join us
              text: Every article is paid for by readers.
              links:
                - {label: Become a member, url: /join/}
                - {label: Donate, url: "https://give.example.net/dispatch"}
                - {label: Write to us, url: "mailto:desk@example.org"}
              signup:
                action: https://lists.example.org/subscription/form
                label: New articles by email
                button: Sign me up
                email_field: EMAIL
                hidden: {l: 3e2d1c0b, "group[1]": "yes"}
            """);

        Assert.Empty(diagnostics.ToImmutableSorted());
        var action = config.Action!;
        Assert.Equal(("en", "Join us", "Every article is paid for by readers."), (action.Language, action.Heading, action.Text));
        Assert.Equal(
            [new ActionLink("Become a member", "/join/"), new ActionLink("Donate", "https://give.example.net/dispatch"), new ActionLink("Write to us", "mailto:desk@example.org")],
            action.Links.ToArray());
        var signup = action.Signup!;
        Assert.Equal("https://lists.example.org/subscription/form", signup.Action.AbsoluteUri);
        Assert.Equal(("New articles by email", "Sign me up", "EMAIL"), (signup.Label, signup.Button, signup.EmailField));
        Assert.Equal([new("l", "3e2d1c0b"), new("group[1]", "yes")], signup.Hidden.ToArray());
        Assert.Equal(["https://lists.example.org"], config.FormOrigins.ToArray());
    }

    [Fact]
    public void Each_language_may_have_its_own_and_one_without_shows_the_default_languages()
    {
        var (config, diagnostics) = Parse(Site + """
            call_to_action: {heading: Join us, signup: {action: "https://lists.example.org/form"}}
            languages:
              es:
                call_to_action: {heading: Únete, signup: {action: "https://listas.example.net/alta"}}
              ar: {}
            """);

        Assert.Empty(diagnostics.ToImmutableSorted());
        var (en, es, ar) = (config.ForLanguage(config.AllLanguages[0]), config.ForLanguage(config.AllLanguages[1]), config.ForLanguage(config.AllLanguages[2]));
        Assert.Equal(("en", "Join us"), (en.Action!.Language, en.Action.Heading));
        Assert.Equal(("es", "Únete"), (es.Action!.Language, es.Action.Heading));
        Assert.Equal(("en", "Join us"), (ar.Action!.Language, ar.Action.Heading));
        Assert.Equal(["https://lists.example.org", "https://listas.example.net"], config.FormOrigins.ToArray());
    }

    [Fact]
    public void A_site_without_one_asks_nothing_and_lets_no_form_post_elsewhere()
    {
        var (config, diagnostics) = Parse(Site);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Null(config.Action);
        Assert.Empty(config.FormOrigins);
    }

    [Theory]
    [InlineData("call_to_action: Join us", 3, DiagnosticCodes.WrongType, "must be a mapping")]
    [InlineData("call_to_action:\n  signup: {action: \"http://lists.example.org/form\"}", 4, DiagnosticCodes.InvalidUrl, "posts only over https")]
    [InlineData("call_to_action:\n  signup: {action: \"lists.example.org/form\"}", 4, DiagnosticCodes.InvalidUrl, "is not an https address")]
    [InlineData("call_to_action:\n  signup: {label: Join}", 4, DiagnosticCodes.RequiredKeyMissing, "'action'")]
    [InlineData("call_to_action:\n  signup: {action: \"https://l.example.org/\", email_field: \"e mail\"}", 4, DiagnosticCodes.WrongType, "is not a form field's name")]
    [InlineData("call_to_action:\n  signup: {action: \"https://l.example.org/\", hidden: {\"a b\": c}}", 4, DiagnosticCodes.WrongType, "is not a form field's name")]
    [InlineData("call_to_action:\n  links:\n    - {label: Donate, url: \"javascript:alert(1)\"}", 5, DiagnosticCodes.InvalidUrl, "not an address a reader can follow")]
    [InlineData("call_to_action:\n  links:\n    - {label: Donate, url: \"//evil.example/\"}", 5, DiagnosticCodes.InvalidUrl, "not an address a reader can follow")]
    [InlineData("call_to_action:\n  links:\n    - {url: /join/}", 5, DiagnosticCodes.RequiredKeyMissing, "'label'")]
    [InlineData("call_to_action:\n  links:\n    - Donate", 5, DiagnosticCodes.WrongType, "a label and an address")]
    [InlineData("call_to_action:\n  links: /join/", 4, DiagnosticCodes.WrongType, "'links' must be a list")]
    [InlineData("call_to_action:\n  sigup: {action: \"https://l.example.org/\"}", 4, DiagnosticCodes.UnknownKey, "sigup")]
    public void Reports_what_cannot_be_used_at_its_line(string yaml, int line, string code, string message)
    {
        var (_, diagnostics) = Parse(Site + yaml + "\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted(), d => d.Code == code);
        Assert.Equal(File, diagnostic.File);
        Assert.Equal(line, diagnostic.Line);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_that_asks_nothing_is_a_warning_and_is_left_out()
    {
        var (config, diagnostics) = Parse(Site + "call_to_action: {links: []}\n");

        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticSeverity.Warning, 3), (warning.Severity, warning.Line));
        Assert.Null(config.Action);
    }

    [Theory]
    [InlineData("/join/", true)]
    [InlineData("https://example.org/give", true)]
    [InlineData("http://example.org/give", true)]
    [InlineData("mailto:desk@example.org", true)]
    [InlineData("//example.org/", false)]
    [InlineData("/\\example.org/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("join/", false)]
    [InlineData("https:///nohost", false)]
    public void Accepts_only_addresses_a_reader_can_safely_follow(string url, bool accepted) =>
        Assert.Equal(accepted, CallToActionReader.IsLinkAddress(url));

    private static (SiteConfig Config, DiagnosticBag Diagnostics) Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        return (SiteConfigLoader.Parse(yaml, File, diagnostics), diagnostics);
    }
}
