using System.Globalization;
using Broadside.Bench;

// broadside-bench corpus N FOLDER [SEED]: writes N synthetic articles (see CorpusGenerator).
if (args is ["corpus", var countText, var folder, ..] && int.TryParse(countText, CultureInfo.InvariantCulture, out var count) && count > 0)
{
    var seed = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var s) ? s : 258;
    CorpusGenerator.Write(count, folder, seed);
    Console.WriteLine($"Wrote {count} articles to {folder}.");
    return 0;
}

Console.Error.WriteLine("usage: broadside-bench corpus N FOLDER [SEED]");
return 2;
