namespace Broadside.Content;

/// <summary>An author as <c>authors.yml</c> describes them.</summary>
/// <param name="Name">The name, as bylines write it.</param>
/// <param name="Bio">One or two sentences; may be empty.</param>
/// <param name="Link">The author's own page; may be empty.</param>
/// <param name="Picture">A path in the site or an absolute URL; may be empty.</param>
public sealed record AuthorProfile(string Name, string Bio, string Link, string Picture);
