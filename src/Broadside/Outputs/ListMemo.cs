using System.Runtime.CompilerServices;

namespace Broadside.Outputs;

/// <summary>
/// The lists a listing declared for immutable objects of the index (a term, a demand), kept with each
/// object for as long as it lives. A build from the last one in the same process is given the objects
/// no edit touched as they were, and so finds their lists as they were, by reference, without making
/// them again (the plan then knows them unchanged, by reference). A list is taken only when it
/// was made under the same settings, compared with <see cref="object.Equals(object?, object?)"/>: give
/// objects that are the same for as long as what the list depends on is (the view factory, the
/// configuration) and the numbers it depends on (a page size).
/// </summary>
/// <typeparam name="T">What a list is declared for.</typeparam>
public sealed class ListMemo<T>
    where T : class
{
    private readonly ConditionalWeakTable<T, Made> _lists = [];

    /// <summary>The list of <paramref name="item"/>, made by <paramref name="make"/> unless it was made under <paramref name="settings"/> before.</summary>
    public ListDeclaration Of<TSettings>(T item, TSettings settings, Func<T, ListDeclaration> make)
        where TSettings : notnull
    {
        if (_lists.TryGetValue(item, out var made) && made.Settings.Equals(settings))
        {
            return made.List;
        }

        var list = make(item);
        _lists.AddOrUpdate(item, new Made(settings, list));
        return list;
    }

    private sealed record Made(object Settings, ListDeclaration List);
}
