using CxFeed.Fuzz;
using SharpFuzz;

// cxfeed-fuzz TARGET            run under afl-fuzz (SharpFuzz's persistent loop; stdin once without afl)
// cxfeed-fuzz TARGET PATH...    replay files or folders of inputs, report each failure, exit 1 if any
if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"usage: CxFeed.Fuzz TARGET [FILE|FOLDER...]; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}
if (args.Length == 1)
{
    // A failed property throws out of the action: SharpFuzz reports it to afl as a crash.
    Fuzzer.Run(stream => target.Check(Input.Read(stream)));
    return 0;
}
var failed = 0;
var count = 0;
foreach (var file in Input.Files(args.Skip(1)))
{
    count++;
    try
    {
        target.Check(File.ReadAllBytes(file));
    }
    catch (Exception failure)
    {
        failed++;
        Console.Error.WriteLine($"{file}: {failure}");
    }
}
Console.WriteLine($"{target.Name}: {count - failed} of {count} inputs passed");
return failed == 0 ? 0 : 1;
