using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Tests.Content;

public sealed class DataFilesTests
{
    [Fact]
    public void Reads_canonical_demands()
    {
        var bag = new DiagnosticBag();
        var demands = DataFiles.ReadDemands(
            """
            - id: abolish-ice
              text: "Abolish ICE!"
              aliases: ["Abolish ICE and CBP!"]
              topic: Immigration
            - id: free-transit
              text: "Free transit!"
            """,
            "input/demands.yml",
            bag);

        Assert.Empty(bag.ToImmutableSorted());
        Assert.Equal(["abolish-ice", "free-transit"], demands.Select(d => d.Id));
        Assert.Equal("Immigration", demands[0].Topic);
        Assert.Equal(["Abolish ICE and CBP!"], demands[0].Aliases.ToArray());
        Assert.Equal(string.Empty, demands[1].Topic);
        Assert.Equal(5, demands[1].Line);
    }

    [Fact]
    public void Reads_a_demand_s_explanation_and_victory_and_splits_a_long_text_without_one()
    {
        var bag = new DiagnosticBag();
        var demands = DataFiles.ReadDemands(
            """
            - id: sanctuary
              text: "Sanctuary for all!"
              explanation: "No cooperation between city agencies and ICE."
              won: 2026-05-12
              won_article: input/articles/2026/won.md
            - id: abolish-ice
              text: "Abolish ICE! U.S. Immigration and Customs Enforcement is barely twenty years old."
            """,
            "input/demands.yml",
            bag);

        Assert.Empty(bag.ToImmutableSorted());
        Assert.Equal(("Sanctuary for all!", "No cooperation between city agencies and ICE."), (demands[0].Text, demands[0].Explanation));
        Assert.Equal((new DateOnly(2026, 5, 12), "articles/2026/won.md", 5, "input/demands.yml"), (demands[0].Won, demands[0].WonArticle, demands[0].WonArticleLine, demands[0].File));
        Assert.Equal(("Abolish ICE!", "U.S. Immigration and Customs Enforcement is barely twenty years old."), (demands[1].Text, demands[1].Explanation));
        Assert.Null(demands[1].Won);
    }

    [Theory]
    [InlineData("- id: a\n  text: A\n  won: May 12\n", DiagnosticCodes.InvalidDate, 3)]
    [InlineData("- id: a\n  text: A\n  won: 2026-02-30\n", DiagnosticCodes.InvalidDate, 3)]
    [InlineData("- id: a\n  text: A\n- id: a\n  text: B\n", DiagnosticCodes.DuplicateKey, 3)]
    [InlineData("- id: Not A Slug\n  text: A\n", DiagnosticCodes.InvalidSlug, 1)]
    [InlineData("- id: a\n", DiagnosticCodes.RequiredKeyMissing, 1)]
    [InlineData("- id: a\n  text: Free buses!\n- id: b\n  text: B\n  aliases: [\"free buses\"]\n", DiagnosticCodes.DuplicateKey, 5)]
    [InlineData("id: a\n", DiagnosticCodes.DataFileInvalid, 1)]
    [InlineData("- just text\n", DiagnosticCodes.DataFileInvalid, 1)]
    public void Reports_bad_demands_at_their_line(string yaml, string code, int line)
    {
        var bag = new DiagnosticBag();
        DataFiles.ReadDemands(yaml, "input/demands.yml", bag);
        var diagnostic = Assert.Single(bag.ToImmutableSorted(), d => d.IsError);
        Assert.Equal((code, line, "input/demands.yml"), (diagnostic.Code, diagnostic.Line, diagnostic.File));
    }

    [Theory]
    [InlineData("rent-control-", 100, null)]
    [InlineData("rent-control-", 101, DiagnosticCodes.LimitExceeded)]
    [InlineData("аренда", 50, null)]
    [InlineData("аренда", 51, DiagnosticCodes.InvalidSlug)]
    public void A_demand_id_longer_than_a_slug_may_be_is_refused_saying_the_longest(string words, int length, string? code)
    {
        var id = string.Concat(Enumerable.Repeat(words, 20))[..(length - 1)] + "x";
        var bag = new DiagnosticBag();

        var demands = DataFiles.ReadDemands($"- text: Rent control now!\n  id: {id}\n", "input/demands.yml", bag);

        Assert.Equal(length, id.Length);
        if (code is null)
        {
            Assert.Empty(bag.ToImmutableSorted());
            Assert.Equal(id, Assert.Single(demands).Id);
        }
        else
        {
            // Past 100 characters an id is too long as any name is; within them, too long in bytes for a URL.
            var diagnostic = Assert.Single(bag.ToImmutableSorted());
            Assert.Equal((code, 2), (diagnostic.Code, diagnostic.Line));
            Assert.Contains(code == DiagnosticCodes.InvalidSlug ? $"at most {Slug.MaxBytes} bytes" : "100", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reads_author_profiles_and_refuses_a_bad_link()
    {
        var bag = new DiagnosticBag();
        var authors = DataFiles.ReadAuthors(
            """
            - name: Ana Ruiz
              bio: Covers transit.
              link: https://example.org/ana
              picture: /media/ana.svg
            - name: Tomás Berg
              link: javascript:alert(1)
            """,
            "input/authors.yml",
            bag);

        Assert.Equal(new AuthorProfile("Ana Ruiz", "Covers transit.", "https://example.org/ana", "/media/ana.svg"), authors[0]);
        Assert.Equal(string.Empty, authors[1].Link);
        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, 6), (error.Code, error.Line));
    }

    [Theory]
    [InlineData("link: javascript:alert(1)", 3)]
    [InlineData("link: \"java\\tscript:alert(1)\"", 3)]
    [InlineData("link: vbscript:msgbox(1)", 3)]
    [InlineData("picture: javascript:alert(1)", 3)]
    [InlineData("picture: \" data:text/html,<script>alert(1)</script>\"", 3)]
    [InlineData("picture: ../../secret.svg", 3)]
    public void Refuses_a_profile_link_or_picture_that_runs_a_script_or_leaves_the_site(string line, int at)
    {
        var bag = new DiagnosticBag();
        var authors = DataFiles.ReadAuthors($"- name: Ana Ruiz\n  bio: Covers transit.\n  {line}\n", "input/authors.yml", bag);

        Assert.Equal(new AuthorProfile("Ana Ruiz", "Covers transit.", string.Empty, string.Empty), Assert.Single(authors));
        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, at), (error.Code, error.Line));
    }

    [Theory]
    [InlineData("name", TextLengths.Name, 1)]
    [InlineData("bio", TextLengths.Bio, 2)]
    [InlineData("link", TextLengths.Address, 2)]
    [InlineData("picture", TextLengths.Address, 2)]
    public void An_author_value_too_long_is_BS0115_at_its_line(string key, int maxLength, int line)
    {
        var value = key is "link" or "picture" ? "https://example.org/" + new string('x', maxLength - 19) : new string('x', maxLength + 1);
        var yaml = key == "name" ? $"- name: {value}\n" : $"- name: Ana Ruiz\n  {key}: {value}\n";
        var bag = new DiagnosticBag();

        DataFiles.ReadAuthors(yaml, "input/authors.yml", bag);

        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, line), (error.Code, error.Line));
        Assert.Contains($"more than the {maxLength:N0} it may have", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", TextLengths.Demand, 2)]
    [InlineData("aliases", TextLengths.Demand, 3)]
    [InlineData("topic", TextLengths.Name, 3)]
    [InlineData("id", TextLengths.Name, 1)]
    public void A_demand_value_too_long_is_BS0115_at_its_line(string key, int maxLength, int line)
    {
        var value = new string('x', maxLength + 1);
        var yaml = key switch
        {
            "id" => $"- id: {value}\n  text: Free transit!\n",
            "text" => $"- id: free-transit\n  text: {value}\n",
            _ => $"- id: free-transit\n  text: Free transit!\n  {key}: {(key == "aliases" ? "[" + value + "]" : value)}\n",
        };
        var bag = new DiagnosticBag();

        DataFiles.ReadDemands(yaml, "input/demands.yml", bag);

        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, line), (error.Code, error.Line));
    }

    [Fact]
    public void Control_characters_in_data_files_are_removed_with_a_BS0116_warning()
    {
        var bag = new DiagnosticBag();

        var authors = DataFiles.ReadAuthors("- name: \"Ana\\x1BRuiz\"\n  bio: \"Covers\\0 transit.\\u009B\"\n", "input/authors.yml", bag);
        var demands = DataFiles.ReadDemands("- id: free-transit\n  text: \"Free\\x07transit!\"\n  topic: \"\\uFFFETransit\"\n", "input/demands.yml", bag);

        Assert.Equal(("Ana Ruiz", "Covers transit."), (authors[0].Name, authors[0].Bio));
        Assert.Equal(("Free transit!", "Transit"), (demands[0].Text, demands[0].Topic));
        Assert.Equal(
            [("input/authors.yml", 1), ("input/authors.yml", 2), ("input/demands.yml", 2), ("input/demands.yml", 3)],
            bag.ToImmutableSorted().Select(d => (d.File!, d.Line)));
        Assert.All(bag.ToImmutableSorted(), d => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ControlCharacter), (d.Severity, d.Code)));
    }

    [Fact]
    public void An_empty_file_has_no_entries()
    {
        var bag = new DiagnosticBag();
        Assert.Empty(DataFiles.ReadAuthors(string.Empty, "input/authors.yml", bag));
        Assert.False(bag.HasErrors);
    }
}
