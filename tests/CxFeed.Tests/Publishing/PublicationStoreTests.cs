using System.Text;
using CxFeed.Core.Publishing;
using CxFeed.Tests.Content;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

/// <summary>The publication kept on disk: what a restarted server answers from before it reads a post.</summary>
public sealed class PublicationStoreTests : IDisposable
{
    private const string Settings = "5f0c2a1e9b7d4c3a8e6f1d2b0a9c8e7f5f0c2a1e9b7d4c3a8e6f1d2b0a9c8e7f";

    private readonly TemporaryFolder _folder = new();

    private string Store => Path.Combine(_folder.Path, "publication");

    private string Manifest => Path.Combine(Store, "manifest");

    private string[] Packs => Directory.GetFiles(Path.Combine(Store, "packs"));

    public void Dispose() => _folder.Dispose();

    private static Publication Sample(params Entry[] posts) =>
        Renderer(new() { CategoryFeeds = false, TagFeeds = false }).Render(Snapshot(posts.Length > 0 ? posts : [NextHire, SocialProof, Scorecard]), [Feed() with { ItemsPerPage = 2 }]);

    private static Dictionary<string, string> KeysOf(Publication publication) =>
        publication.Files.ToDictionary(file => file.Address, file => "key of " + file.Address + " " + file.ETag, StringComparer.Ordinal);

    private async Task<Publication> SaveAsync(Publication publication)
    {
        using var store = PublicationStore.Open(Store);
        return await store.SaveAsync(publication, KeysOf(publication), Settings);
    }

    private StoredPublication Load(string settings = Settings)
    {
        using var store = PublicationStore.Open(Store);
        return store.Load(settings);
    }

    /// <summary>The manifest with its text header line changed and its binary body kept as it is.</summary>
    private void RewriteHeader(Func<string, string> change)
    {
        var bytes = File.ReadAllBytes(Manifest);
        var newline = Array.IndexOf(bytes, (byte)'\n');
        File.WriteAllBytes(Manifest, [.. Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes, 0, newline))), .. bytes[newline..]]);
    }

    private static void AssertSameFiles(Publication expected, Publication actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Files.Select(file => file.Address), actual.Files.Select(file => file.Address));
        foreach (var (before, after) in expected.Files.Zip(actual.Files))
        {
            Assert.Equal(before.ContentType, after.ContentType);
            Assert.Equal(before.LastModified, after.LastModified);
            foreach (var (one, other) in before.Representations.Zip(after.Representations))
            {
                Assert.Equal(one.ETag, other.ETag);
                Assert.Equal(one.Coding, other.Coding);
                Assert.Equal(one.Bytes.ToArray(), other.Bytes.ToArray());
            }
        }
    }

    [Fact]
    public async Task A_saved_publication_loads_with_the_same_bytes_etags_dates_and_keys()
    {
        var publication = Sample();

        var saved = await SaveAsync(publication);
        var loaded = Load();

        Assert.Null(loaded.Refusal);
        AssertSameFiles(publication, saved);
        AssertSameFiles(publication, loaded.Publication!);
        Assert.Equal(KeysOf(publication), loaded.Keys);
        var rss = loaded.Publication!.Find("/feeds/posts.rss")!;
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(rss.Identity.Bytes.Span));
        Assert.Equal("\"" + rss.ETag.Trim('"') + "-br\"", rss.Brotli.ETag);
    }

    [Fact]
    public async Task Nothing_stored_is_said_so()
    {
        Assert.Equal("nothing stored yet", Load().Refusal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_torn_manifest_is_refused()
    {
        await SaveAsync(Sample());
        var bytes = File.ReadAllBytes(Manifest);
        File.WriteAllBytes(Manifest, bytes[..(bytes.Length - 40)]);

        var loaded = Load();

        Assert.Null(loaded.Publication);
        Assert.StartsWith("manifest torn or altered:", loaded.Refusal);
    }

    [Fact]
    public async Task A_manifest_cut_short_with_a_header_naming_the_hash_of_what_is_left_is_refused_as_unreadable()
    {
        await SaveAsync(Sample());
        var bytes = File.ReadAllBytes(Manifest);
        var newline = Array.IndexOf(bytes, (byte)'\n');
        var body = bytes[(newline + 1)..^7];
        var header = Encoding.UTF8.GetString(bytes, 0, newline).Split(' ');
        header[2] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        File.WriteAllBytes(Manifest, [.. Encoding.UTF8.GetBytes(string.Join(' ', header) + "\n"), .. body]);

        var loaded = Load();

        Assert.Null(loaded.Publication);
        Assert.StartsWith("manifest unreadable: ", loaded.Refusal);
    }

    [Fact]
    public async Task A_manifest_cut_inside_its_header_is_refused()
    {
        await SaveAsync(Sample());
        File.WriteAllBytes(Manifest, File.ReadAllBytes(Manifest)[..30]);

        Assert.Equal("manifest torn: no header line", Load().Refusal);
    }

    [Fact]
    public async Task A_truncated_pack_is_refused()
    {
        await SaveAsync(Sample());
        var pack = Assert.Single(Packs);
        var length = new FileInfo(pack).Length;
        using (var stream = new FileStream(pack, FileMode.Open))
            stream.SetLength(length - 1);

        var loaded = Load();

        Assert.Null(loaded.Publication);
        Assert.Equal($"pack {Path.GetFileNameWithoutExtension(pack)} truncated or grown: {length - 1} bytes, the manifest says {length}", loaded.Refusal);
    }

    [Fact]
    public async Task A_missing_pack_is_refused()
    {
        await SaveAsync(Sample());
        var pack = Assert.Single(Packs);
        File.Delete(pack);

        Assert.Equal($"pack {Path.GetFileNameWithoutExtension(pack)} missing", Load().Refusal);
    }

    [Fact]
    public async Task A_publication_from_another_version_of_cxfeed_is_refused()
    {
        await SaveAsync(Sample());
        RewriteHeader(header => header.Replace(PublicationStore.CodeVersion, "2/00000000000000000000000000000000", StringComparison.Ordinal));

        var loaded = Load();

        Assert.Null(loaded.Publication);
        Assert.Equal($"written by another version of cxfeed (2/00000000000000000000000000000000; this one is {PublicationStore.CodeVersion})", loaded.Refusal);
    }

    [Fact]
    public async Task A_publication_of_another_store_format_is_refused()
    {
        await SaveAsync(Sample());
        // A store of the first format, whose manifest was JSON.
        RewriteHeader(header => "cxfeed-publication 1" + header["cxfeed-publication 2".Length..]);

        Assert.Equal($"manifest of format 1, this cxfeed reads format {PublicationStore.Format}", Load().Refusal);
    }

    [Fact]
    public async Task A_publication_built_with_other_settings_is_refused()
    {
        await SaveAsync(Sample());

        var loaded = Load(new string('a', 64));

        Assert.Null(loaded.Publication);
        Assert.Equal($"built with other settings or feed definitions (fingerprint {Settings[..12]}…, now aaaaaaaaaaaa…)", loaded.Refusal);
    }

    [Fact]
    public async Task A_changed_byte_in_a_pack_is_found_by_the_check()
    {
        var publication = Sample();
        await SaveAsync(publication);
        var pack = Assert.Single(Packs);
        var bytes = File.ReadAllBytes(pack);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(pack, bytes);

        using var store = PublicationStore.Open(Store);
        var loaded = store.Load(Settings);
        var problems = await store.VerifyAsync();

        // Same length: the load cannot tell, the check can, and names the file.
        Assert.NotNull(loaded.Publication);
        var problem = Assert.Single(problems);
        Assert.Equal(publication.Files[^1].Address, problem.Subject);
        Assert.StartsWith("stored bytes (.br) in pack ", problem.Reason);
        Assert.EndsWith("do not match their SHA-256", problem.Reason);
    }

    [Fact]
    public async Task Every_stored_byte_passes_the_check()
    {
        await SaveAsync(Sample());

        using var store = PublicationStore.Open(Store);
        store.Load(Settings);

        Assert.Empty(await store.VerifyAsync());
    }

    [Fact]
    public async Task A_save_cut_short_leaves_the_previous_publication_whole()
    {
        var first = Sample();
        await SaveAsync(first);
        var second = Sample(NextHire, SocialProof);
        using (var store = PublicationStore.Open(Store))
        {
            store.Load(Settings);
            using var cut = new CancellationTokenSource();
            cut.Cancel();
            // As a crash while the new pack is written: the pack's temporary file is left behind.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(second, KeysOf(second), Settings, cut.Token));
        }
        // As a crash while the new manifest is written: half of it beside the whole one.
        File.WriteAllBytes(Manifest + ".tmp", File.ReadAllBytes(Manifest)[..100]);

        var loaded = Load();

        Assert.Null(loaded.Refusal);
        AssertSameFiles(first, loaded.Publication!);
        // The next save finishes the job and clears what the cut one left.
        await SaveAsync(second);
        AssertSameFiles(second, Load().Publication!);
        Assert.Single(Packs);
    }

    [Fact]
    public async Task A_second_save_writes_only_the_files_that_changed()
    {
        var first = Sample();
        var second = Sample(NextHire, SocialProof, Scorecard with { Post = Scorecard.Post with { Title = "Scorecards, again" } });
        using var store = PublicationStore.Open(Store);
        var saved = await store.SaveAsync(first, KeysOf(first), Settings);
        var firstPack = Assert.Single(Packs);

        // The cache keeps the stored files of unchanged addresses, as a rebuild does.
        var mixed = new Publication(second.Version, second.Problems, second.Files.Select(file =>
            saved.Find(file.Address) is { } stored && stored.ETag == file.ETag ? stored : file));
        var changed = mixed.Files.Where(file => saved.Find(file.Address) is not { } stored || !ReferenceEquals(stored, file)).ToList();
        await store.SaveAsync(mixed, KeysOf(mixed), Settings);

        var newPack = Assert.Single(Packs, pack => pack != firstPack);
        Assert.NotEmpty(changed);
        Assert.Equal(changed.Sum(file => file.Representations.Sum(representation => (long)representation.Bytes.Length)), new FileInfo(newPack).Length);
        store.Dispose();
        AssertSameFiles(second, Load().Publication!);
    }

    [Fact]
    public async Task Small_packs_are_merged_and_a_mostly_replaced_one_rewritten()
    {
        using var store = PublicationStore.Open(Store);
        Publication? last = null;
        for (var i = 0; i < PublicationStore.MaxPacks + 3; i++)
        {
            var next = Sample(NextHire, SocialProof, Scorecard with { Post = Scorecard.Post with { Title = $"Scorecards, edit {i}" } });
            var mixed = last is null ? next : new Publication(next.Version, next.Problems, next.Files.Select(file =>
                last.Find(file.Address) is { } stored && stored.ETag == file.ETag ? stored : file));
            last = await store.SaveAsync(mixed, KeysOf(mixed), Settings);
            Assert.InRange(Packs.Length, 1, PublicationStore.MaxPacks);
        }
        store.Dispose();

        AssertSameFiles(last!, Load().Publication!);
    }

    [Fact]
    public async Task One_process_at_a_time_uses_a_store()
    {
        using var first = PublicationStore.Open(Store);

        var busy = Assert.Throws<IOException>(() => PublicationStore.Open(Store));

        Assert.Contains("in use by another cxfeed", busy.Message);
        await Task.CompletedTask;
    }
}
