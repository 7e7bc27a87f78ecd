using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Configuration;

/// <summary>Reads <c>call_to_action:</c> of site.yml, or of one of its <c>languages:</c>.</summary>
public static partial class CallToActionReader
{
    /// <summary>The key in site.yml and in each language's settings.</summary>
    public const string Key = "call_to_action";

    private const string Example = "call_to_action: {heading: \"Join us\", text: \"…\", links: [{label: Donate, url: \"https://…\"}], signup: {action: \"https://…\"}}";

    /// <summary>
    /// The call to action under <see cref="Key"/> of <paramref name="map"/>, its texts in
    /// <paramref name="language"/>; null when there is none or it cannot be used (reported).
    /// </summary>
    public static CallToAction? Read(YamlMap map, string language)
    {
        if (map.Node(Key) is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, $"'{Key}' must be a mapping, such as {Example}");
            return null;
        }

        var action = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        action.WarnUnknownKeys(["heading", "text", "links", "signup"], ImmutableHashSet<string>.Empty);
        var result = new CallToAction(language)
        {
            Heading = action.String("heading", maxLength: TextLengths.Tagline) ?? string.Empty,
            Text = action.String("text", maxLength: TextLengths.Description) ?? string.Empty,
            Links = ReadLinks(action),
            Signup = ReadSignup(action),
        };
        if (result.Heading.Length == 0 && result.Text.Length == 0 && result.Links.IsEmpty && result.Signup is null)
        {
            map.Report(node, DiagnosticCodes.EmptyValue, $"'{Key}' asks nothing of readers: give it a heading, a text, links or a signup form, such as {Example}, or remove it", warning: true);
            return null;
        }

        return result;
    }

    private static ImmutableArray<ActionLink> ReadLinks(YamlMap action)
    {
        switch (action.Node("links"))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var links = ImmutableArray.CreateBuilder<ActionLink>();
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlMappingNode mapping)
                    {
                        action.Report(item, DiagnosticCodes.WrongType, "each link is a label and an address, such as {label: Donate, url: \"https://example.org/donate\"}");
                        continue;
                    }

                    var link = YamlMap.From(mapping, action.File, action.LineOffset, action.Diagnostics);
                    link.WarnUnknownKeys(["label", "url"], ImmutableHashSet<string>.Empty);
                    var label = link.String("label", required: true, hint: "write what the button says, such as label: Donate", maxLength: TextLengths.Name);
                    var url = link.String("url", required: true, hint: "write where it leads, such as url: \"https://example.org/donate\"", maxLength: TextLengths.Address);
                    if (url is not null && !IsLinkAddress(url))
                    {
                        link.Report(link.Node("url")!, DiagnosticCodes.InvalidUrl, $"'{url}' is not an address a reader can follow: write an https address such as https://example.org/join, a mailto: address, or a path in the site such as /join/");
                        continue;
                    }

                    if (label is not null && url is not null)
                    {
                        links.Add(new ActionLink(label, url));
                    }
                }

                return links.ToImmutable();
            case var other:
                action.Report(other, DiagnosticCodes.WrongType, "'links' must be a list such as [{label: Join, url: \"/join/\"}, {label: Donate, url: \"https://example.org/donate\"}]");
                return [];
        }
    }

    /// <summary>True for an http(s) or mailto: address, or a path from the site's root.</summary>
    public static bool IsLinkAddress(string url) =>
        url.StartsWith('/')
            ? !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            : Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme is "https" or "http" ? parsed.Host.Length > 0 : parsed.Scheme == "mailto");

    private static SignupForm? ReadSignup(YamlMap action)
    {
        if (action.Node("signup") is not { } node)
        {
            return null;
        }

        const string SignupExample = "signup: {action: \"https://provider.example/subscribe/commons\", email_field: email}";
        if (node is not YamlMappingNode mapping)
        {
            action.Report(node, DiagnosticCodes.WrongType, $"'signup' must be a mapping, such as {SignupExample}");
            return null;
        }

        var signup = YamlMap.From(mapping, action.File, action.LineOffset, action.Diagnostics);
        signup.WarnUnknownKeys(["action", "label", "button", "email_field", "hidden"], ImmutableHashSet<string>.Empty);
        var address = signup.String("action", required: true, hint: "write the https address the newsletter provider gives for its signup form", maxLength: TextLengths.Address);
        if (address is null)
        {
            return null;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var target) || target.Scheme != "https" || target.Host.Length == 0 || target.Fragment.Length > 0)
        {
            signup.Report(signup.Node("action")!, DiagnosticCodes.InvalidUrl, $"'{address}' is not an https address: a signup form sends readers' email addresses, so it posts only over https; copy the form's address from the provider, such as https://provider.example/subscribe/commons");
            return null;
        }

        var field = signup.String("email_field", maxLength: TextLengths.Name) ?? "email";
        if (!FieldName().IsMatch(field))
        {
            signup.Report(signup.Node("email_field")!, DiagnosticCodes.WrongType, $"'{field}' is not a form field's name: copy the name of the email field from the provider's form, such as email or EMAIL");
            field = "email";
        }

        return new SignupForm(target)
        {
            Label = signup.String("label", maxLength: TextLengths.Tagline) ?? string.Empty,
            Button = signup.String("button", maxLength: TextLengths.Name) ?? string.Empty,
            EmailField = field,
            Hidden = ReadHidden(signup),
        };
    }

    private static ImmutableArray<KeyValuePair<string, string>> ReadHidden(YamlMap signup)
    {
        if (signup.Node("hidden") is not { } node)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            signup.Report(node, DiagnosticCodes.WrongType, "'hidden' must map field names to values, such as hidden: {list: commons-dispatch}");
            return [];
        }

        var hidden = YamlMap.From(mapping, signup.File, signup.LineOffset, signup.Diagnostics);
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var (key, _) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !FieldName().IsMatch(name))
            {
                signup.Report(key, DiagnosticCodes.WrongType, $"'{(key as YamlScalarNode)?.Value}' is not a form field's name: copy it from the provider's form");
                continue;
            }

            fields.Add(new(name, hidden.String(name, maxLength: TextLengths.Address) ?? string.Empty));
        }

        return fields.ToImmutable();
    }

    // What providers name their fields: letters, digits and the punctuation of PHP-style arrays.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-\[\]]{0,99}$")]
    private static partial Regex FieldName();
}
