using CxFeed.Core.Content.WordPress;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The WXR reader (<see cref="WxrReader"/>) on the bytes of an export file (it reads files, so the
/// input is written to one file of this process first), each post it gives stored and read back.
/// No exception escapes; each item is a post or problems; every problem names the file.
/// </summary>
public sealed class WxrTarget : FuzzTarget
{
    private const string FileName = "export.xml";

    private static readonly WxrReader Reader = new(TimeZoneInfo.Utc);

    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"cxfeed-fuzz-{Environment.ProcessId}")).FullName;

    public override string Name => "wxr";

    public override void Check(byte[] input)
    {
        var path = Path.Combine(Folder, FileName);
        File.WriteAllBytes(path, input);
        foreach (var item in Reader.Read(path))
        {
            Require(item.Post is not null || item.Problems.Length > 0, "an item is a post or says what went wrong");
            foreach (var problem in item.Problems)
                Require(problem.Subject.StartsWith(FileName, StringComparison.Ordinal) && problem.Reason.Length > 0, $"a problem names the file and says something: {problem}");
            if (item.Post is { } post)
                StoredPost.RequireReadBack(post);
        }
    }
}
