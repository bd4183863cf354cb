using CxFeed.Fuzz;

namespace CxFeed.Tests.Fuzzing;

/// <summary>
/// Every committed input of the fuzzing corpora (tests/CxFeed.Fuzz/corpus/TARGET: the seeds and
/// the inputs fuzzing found) still meets its target's properties: no exception escapes, the
/// cleaner's output is well-formed and stable, an excerpt begins the cleaned text. afl-fuzz is
/// not needed for this; docs/reliability.md says how to fuzz.
/// </summary>
public class FuzzCorpusTests
{
    private static readonly string Corpus = Path.Combine(Repository.Root, "tests", "CxFeed.Fuzz", "corpus");

    public static TheoryData<string, string> Inputs()
    {
        var inputs = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, target.Name)).Order(StringComparer.Ordinal))
                inputs.Add(target.Name, Path.GetFileName(file));
        }
        return inputs;
    }

    [Fact]
    public void Every_target_has_a_corpus_of_a_few_dozen_small_inputs_at_most()
    {
        foreach (var target in FuzzTargets.All)
        {
            var files = Directory.GetFiles(Path.Combine(Corpus, target.Name));
            Assert.InRange(files.Length, 5, 60);
            Assert.All(files, file => Assert.InRange(new FileInfo(file).Length, 0, 40_000));
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_corpus_input_meets_its_targets_properties(string target, string file) =>
        FuzzTargets.Find(target)!.Check(File.ReadAllBytes(Path.Combine(Corpus, target, file)));
}
