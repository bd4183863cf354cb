using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CxFeed.Core.Publishing;

/// <summary>
/// The last publication kept on disk, so that a server that starts again answers at once with the
/// bytes, ETags and dates it served before. A folder holds packs (<c>packs/*.pack</c>: the files'
/// identity, gzip and brotli bytes, one after the other, never changed once written) and one
/// <c>manifest</c> naming for every address its content type, Last-Modified, ETags, the key it was
/// planned with, and where each representation lies in which pack with its length and the first
/// 128 bits of its SHA-256. The manifest starts with a text line holding the SHA-256 of the rest,
/// the code version and a fingerprint of the settings it was built with; the rest is binary
/// (<see cref="ManifestBody"/>), read in a few milliseconds at the start, before anything is warm.
/// <para>
/// A save writes only the representations not stored yet into a new pack, syncs it to disk, then
/// writes the new manifest beside the old one, syncs it and renames it over the old one (atomic
/// on POSIX file systems), and only then deletes the packs no longer named. A crash at any moment
/// leaves the previous manifest and every pack it names whole. Small packs are merged once there
/// are more than <see cref="MaxPacks"/>; a pack less than half of which is still published is
/// rewritten with the rest.
/// </para>
/// <para>
/// A load refuses, with the reason, a manifest that is torn (its hash does not match), from
/// another format or code version, or built with another fingerprint, and a pack that is missing
/// or not of the length the manifest says. The bytes themselves are compared with their hashes by
/// <see cref="VerifyAsync"/>, which a server runs while it already answers. Stored files are
/// served from the packs mapped into memory (<see cref="MappedPack"/>), so a file's pages are
/// resident only once asked for. One process uses a folder at a time (a lock file).
/// </para>
/// </summary>
public sealed partial class PublicationStore : IDisposable
{
    /// <summary>2: the binary manifest (1 was JSON: twice the bytes, and a serializer to warm up at the start).</summary>
    public const int Format = 2;

    /// <summary>Packs kept before the smaller ones are merged into one.</summary>
    public const int MaxPacks = 8;

    private const string ManifestName = "manifest";
    private const string PacksName = "packs";
    private const string LockName = "lock";
    private const string Magic = "cxfeed-publication";
    private const string PackExtension = ".pack";


    private readonly FileStream _lock;
    private readonly Dictionary<string, MappedPack> _mapped = new(StringComparer.Ordinal);
    // The files the manifest on disk holds, by reference: a file published again as it was is not written again.
    private Dictionary<PublishedFile, StoredFile> _stored = new(ReferenceEqualityComparer.Instance);
    private List<StoredPack> _packs = [];

    private PublicationStore(string folder, FileStream lockFile)
    {
        Folder = folder;
        _lock = lockFile;
    }

    /// <summary>The folder, full path.</summary>
    public string Folder { get; }

    /// <summary>What the code that renders is: a stored publication from another build of cxfeed is never served.</summary>
    public static string CodeVersion { get; } =
        $"{Format}/{typeof(PublicationStore).Assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>Opens (creating) the folder and takes its lock; an IOException when it cannot, or another process holds it.</summary>
    public static PublicationStore Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(Path.Combine(full, PacksName));
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix: a second server on the same folder is refused.
            lockFile = new FileStream(Path.Combine(full, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException busy)
        {
            throw new IOException($"{full}: in use by another cxfeed ({busy.Message})", busy);
        }
        return new PublicationStore(full, lockFile);
    }

    /// <summary>
    /// The stored publication, its files mapped from the packs, with the key each file was planned
    /// with; or why none can be served (nothing stored is a reason too). <paramref name="fingerprint"/>
    /// is the hash of the settings that shape the output, as given to <see cref="SaveAsync"/>.
    /// </summary>
    public StoredPublication Load(string fingerprint)
    {
        var path = Path.Combine(Folder, ManifestName);
        if (!File.Exists(path))
            return StoredPublication.Refused("nothing stored yet");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return StoredPublication.Refused($"manifest unreadable: {failure.Message}");
        }
        var newline = Array.IndexOf(bytes, (byte)'\n');
        var header = newline < 0 ? [] : Encoding.UTF8.GetString(bytes, 0, newline).Split(' ');
        if (header.Length != 5 || header[0] != Magic)
            return StoredPublication.Refused("manifest torn: no header line");
        if (header[1] != Format.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return StoredPublication.Refused($"manifest of format {header[1]}, this cxfeed reads format {Format}");
        var body = bytes.AsSpan(newline + 1);
        if (header[2] != Convert.ToHexStringLower(SHA256.HashData(body)))
            return StoredPublication.Refused($"manifest torn or altered: {body.Length} bytes whose SHA-256 is not the one its header names");
        if (header[3] != CodeVersion)
            return StoredPublication.Refused($"written by another version of cxfeed ({header[3]}; this one is {CodeVersion})");
        if (header[4] != fingerprint)
            return StoredPublication.Refused($"built with other settings or feed definitions (fingerprint {header[4][..12]}…, now {fingerprint[..12]}…)");
        StoredManifest manifest;
        try
        {
            manifest = ManifestBody.Read(body);
        }
        catch (Exception failure) when (failure is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return StoredPublication.Refused($"manifest unreadable: {failure.Message}");
        }

        var packs = new MappedPack[manifest.Packs.Count];
        for (var i = 0; i < packs.Length; i++)
        {
            var pack = manifest.Packs[i];
            var packPath = PackPath(pack.Name);
            var length = File.Exists(packPath) ? new FileInfo(packPath).Length : -1;
            if (length < 0)
                return StoredPublication.Refused($"pack {pack.Name} missing");
            if (length != pack.Length)
                return StoredPublication.Refused($"pack {pack.Name} truncated or grown: {length} bytes, the manifest says {pack.Length}");
            packs[i] = Map(pack.Name);
        }
        var files = new List<PublishedFile>(manifest.Files.Count);
        var keys = new Dictionary<string, string>(manifest.Files.Count, StringComparer.Ordinal);
        var stored = new Dictionary<PublishedFile, StoredFile>(manifest.Files.Count, ReferenceEqualityComparer.Instance);
        foreach (var file in manifest.Files)
        {
            if (file.Parts.Length != 3 || file.Parts.Any(part => part.Pack < 0 || part.Pack >= packs.Length || part.Offset < 0 || part.Length < 0 || part.Offset + part.Length > manifest.Packs[part.Pack].Length))
                return StoredPublication.Refused($"manifest names bytes of {file.Address} outside its packs");
            var published = ToFile(file, packs);
            files.Add(published);
            keys[file.Address] = file.Key;
            stored[published] = file;
        }
        _stored = stored;
        _packs = manifest.Packs;
        var problems = manifest.Problems.Select(problem => new Problem(problem.Subject, problem.Reason)).ToImmutableArray();
        return new StoredPublication(new Publication(manifest.Version, problems, files), keys, DateTimeOffset.FromUnixTimeSeconds(manifest.Saved), null);
    }

    /// <summary>
    /// Reads every stored representation back from disk (not through the mapping, so that it does
    /// not become resident) and compares it with its SHA-256: the addresses whose bytes are not
    /// what was stored, with why. Empty when every byte is right.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<Problem>();
        var packs = _packs;
        var byPack = _stored.Values
            .SelectMany(file => file.Parts.Select((part, index) => (file.Address, Part: part, Extension: Extensions[index])))
            .GroupBy(item => item.Part.Pack);
        var buffer = new byte[1 << 20];
        foreach (var group in byPack)
        {
            using var handle = File.OpenHandle(PackPath(packs[group.Key].Name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            foreach (var (address, part, extension) in group.OrderBy(item => item.Part.Offset))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var done = 0L;
                while (done < part.Length)
                {
                    var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, part.Length - done)), part.Offset + done, cancellationToken);
                    if (read == 0)
                        break;
                    hash.AppendData(buffer, 0, read);
                    done += read;
                }
                if (done != part.Length || Hash128(hash.GetHashAndReset()) != part.Hash)
                    problems.Add(new Problem(address, $"stored bytes{(extension.Length > 0 ? " (" + extension + ")" : "")} in pack {packs[group.Key].Name} at {part.Offset} do not match their SHA-256"));
            }
        }
        return problems;
    }

    /// <summary>
    /// Keeps <paramref name="publication"/> (with each file's planned key, from <paramref name="keys"/>)
    /// as the stored one, replacing the previous one atomically. Gives back the same publication
    /// with every file it wrote now served from its pack (the same addresses, bytes, tags and
    /// dates), so that the caller can let the rendered bytes go.
    /// </summary>
    public async Task<Publication> SaveAsync(Publication publication, IReadOnlyDictionary<string, string> keys, string fingerprint, CancellationToken cancellationToken = default)
    {
        var kept = new List<StoredFile?>(publication.Files.Length);
        var liveBytes = new Dictionary<int, long>();
        foreach (var file in publication.Files)
        {
            var before = _stored.GetValueOrDefault(file);
            kept.Add(before);
            if (before is null)
                continue;
            foreach (var part in before.Parts)
                liveBytes[part.Pack] = liveBytes.GetValueOrDefault(part.Pack) + part.Length;
        }
        // Which old packs stay as they are: the largest unless under half of it is still published;
        // the others too while there are few packs. Whatever is published from the rest is written again.
        var largest = Enumerable.Range(0, _packs.Count).OrderByDescending(i => _packs[i].Length).FirstOrDefault(-1);
        var keep = new HashSet<int>();
        if (largest >= 0 && liveBytes.GetValueOrDefault(largest) * 2 >= _packs[largest].Length)
        {
            keep.Add(largest);
            if (_packs.Count < MaxPacks)
                keep.UnionWith(Enumerable.Range(0, _packs.Count).Where(i => liveBytes.ContainsKey(i)));
        }

        var packs = new List<StoredPack>();
        var packIndex = new Dictionary<int, int>();
        foreach (var old in keep.Order())
        {
            packIndex[old] = packs.Count;
            packs.Add(_packs[old]);
        }
        var newPack = new StoredPack($"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}", 0);
        var newIndex = packs.Count;
        var manifestFiles = new List<StoredFile>(publication.Files.Length);
        var written = new bool[publication.Files.Length];
        var writtenCount = 0;
        var offset = 0L;
        var temporary = PackPath(newPack.Name) + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            for (var i = 0; i < publication.Files.Length; i++)
            {
                var file = publication.Files[i];
                var key = keys.GetValueOrDefault(file.Address) ?? "";
                if (kept[i] is { } previous && previous.Parts.All(part => keep.Contains(part.Pack)))
                {
                    manifestFiles.Add(previous with { Key = key, Parts = [.. previous.Parts.Select(part => part with { Pack = packIndex[part.Pack] })] });
                    continue;
                }
                var parts = new StoredPart[3];
                var index = 0;
                foreach (var representation in file.Representations)
                {
                    await stream.WriteAsync(representation.Bytes, cancellationToken);
                    parts[index++] = new StoredPart(newIndex, offset, representation.Bytes.Length, HashOf(representation));
                    offset += representation.Bytes.Length;
                }
                manifestFiles.Add(new StoredFile(file.Address, file.ContentType, file.LastModified.ToUnixTimeSeconds(), key,
                    [.. file.Representations.Select(representation => representation.ETag)], parts));
                written[i] = true;
                writtenCount++;
            }
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        if (writtenCount > 0)
        {
            File.Move(temporary, PackPath(newPack.Name));
            packs.Add(newPack with { Length = offset });
            SyncFolder(Path.Combine(Folder, PacksName));
        }
        else
        {
            File.Delete(temporary);
        }

        var manifest = new StoredManifest(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), publication.Version,
            [.. publication.Problems.Select(problem => new StoredProblem(problem.Subject, problem.Reason))], packs, manifestFiles);
        var body = ManifestBody.Write(manifest);
        var header = Encoding.UTF8.GetBytes($"{Magic} {Format} {Convert.ToHexStringLower(SHA256.HashData(body))} {CodeVersion} {fingerprint}\n");
        var manifestPath = Path.Combine(Folder, ManifestName);
        await using (var stream = new FileStream(manifestPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(header, cancellationToken);
            await stream.WriteAsync(body, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        File.Move(manifestPath + ".tmp", manifestPath, overwrite: true);
        SyncFolder(Folder);

        // The new manifest is on disk: what it no longer names can go (a mapping of it stays valid while a response holds it).
        var named = packs.Select(pack => pack.Name + PackExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Folder, PacksName)))
        {
            var name = Path.GetFileName(path);
            if (!named.Contains(name))
            {
                File.Delete(path);
                _mapped.Remove(name[..^PackExtension.Length]);
            }
        }

        var mapped = packs.Select(pack => Map(pack.Name)).ToArray();
        var files = publication.Files.ToArray();
        var stored = new Dictionary<PublishedFile, StoredFile>(files.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < files.Length; i++)
        {
            if (written[i])
                files[i] = ToFile(manifestFiles[i], mapped);
            stored[files[i]] = manifestFiles[i];
        }
        _stored = stored;
        _packs = packs;
        return new Publication(publication.Version, publication.Problems, files);
    }

    public void Dispose() => _lock.Dispose();

    private string PackPath(string name) => Path.Combine(Folder, PacksName, name + PackExtension);

    private MappedPack Map(string name)
    {
        if (!_mapped.TryGetValue(name, out var pack))
            _mapped[name] = pack = MappedPack.Open(PackPath(name));
        return pack;
    }

    /// <summary>The suffix of each stored representation's static file, in the order of <see cref="PublishedFile.Representations"/>.</summary>
    private static readonly string[] Extensions = ["", ".gz", ".br"];

    private static PublishedFile ToFile(StoredFile file, IReadOnlyList<MappedPack> packs)
    {
        Representation Part(int i, string? coding) =>
            new(coding, Extensions[i], packs[file.Parts[i].Pack].Slice(file.Parts[i].Offset, file.Parts[i].Length), file.ETags[i]);
        return PublishedFile.Stored(file.Address, file.ContentType, DateTimeOffset.FromUnixTimeSeconds(file.LastModified), Part(0, null), Part(1, "gzip"), Part(2, "br"));
    }

    /// <summary>
    /// The first 128 bits of the SHA-256 of a representation's bytes: as collision-free as the
    /// ETags for a store's purpose. The identity's ETag is already those bits (base64url), so its
    /// bytes are not hashed again.
    /// </summary>
    private static UInt128 HashOf(Representation representation)
    {
        Span<byte> tag = stackalloc byte[18];
        return representation.Coding is null
               && Base64Url.TryDecodeFromChars(representation.ETag.AsSpan().Trim('"'), tag, out var written) && written == 16
            ? Hash128(tag)
            : Hash128(SHA256.HashData(representation.Bytes.Span));
    }

    private static UInt128 Hash128(ReadOnlySpan<byte> hash) => BinaryPrimitives.ReadUInt128LittleEndian(hash);

    /// <summary>fsync of a folder, so that a rename in it survives a crash (POSIX); nothing to do elsewhere.</summary>
    private static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            return;
        var descriptor = OpenFolder(folder, 0);
        if (descriptor < 0)
            return;
        _ = FileSync(descriptor);
        _ = CloseFile(descriptor);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFolder([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FileSync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseFile(int descriptor);

    internal sealed record StoredManifest(long Saved, string Version, List<StoredProblem> Problems, List<StoredPack> Packs, List<StoredFile> Files);

    internal sealed record StoredProblem(string Subject, string Reason);

    internal sealed record StoredPack(string Name, long Length);

    /// <param name="ETags">Identity, gzip, brotli, in that order, as <paramref name="Parts"/>.</param>
    internal sealed record StoredFile(string Address, string ContentType, long LastModified, string Key, string[] ETags, StoredPart[] Parts);

    /// <param name="Hash">The first 128 bits of the SHA-256 of the bytes, little-endian.</param>
    internal readonly record struct StoredPart(int Pack, long Offset, int Length, UInt128 Hash);

    /// <summary>
    /// The manifest after its header line, in the order of <see cref="StoredManifest"/>: the save's
    /// time, the version, the problems, the packs (name, length), the content types once each,
    /// then every file: address, content type (its index), Last-Modified, key, three ETags and
    /// three parts (pack index, offset, length, 16 bytes of hash). Integers little-endian, strings
    /// UTF-8 after their length (<see cref="BinaryWriter"/>'s own layout).
    /// </summary>
    internal static class ManifestBody
    {
        public static byte[] Write(StoredManifest manifest)
        {
            using var buffer = new MemoryStream(64 + manifest.Files.Count * 256);
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(manifest.Saved);
                writer.Write(manifest.Version);
                writer.Write(manifest.Problems.Count);
                foreach (var problem in manifest.Problems)
                {
                    writer.Write(problem.Subject);
                    writer.Write(problem.Reason);
                }
                writer.Write(manifest.Packs.Count);
                foreach (var pack in manifest.Packs)
                {
                    writer.Write(pack.Name);
                    writer.Write(pack.Length);
                }
                var types = manifest.Files.Select(file => file.ContentType).Distinct(StringComparer.Ordinal).ToList();
                var typeIndex = types.Select((type, index) => (type, index)).ToDictionary(pair => pair.type, pair => pair.index, StringComparer.Ordinal);
                writer.Write(types.Count);
                foreach (var type in types)
                    writer.Write(type);
                writer.Write(manifest.Files.Count);
                Span<byte> hash = stackalloc byte[16];
                foreach (var file in manifest.Files)
                {
                    writer.Write(file.Address);
                    writer.Write(typeIndex[file.ContentType]);
                    writer.Write(file.LastModified);
                    writer.Write(file.Key);
                    foreach (var tag in file.ETags)
                        writer.Write(tag);
                    foreach (var part in file.Parts)
                    {
                        writer.Write(part.Pack);
                        writer.Write(part.Offset);
                        writer.Write(part.Length);
                        BinaryPrimitives.WriteUInt128LittleEndian(hash, part.Hash);
                        writer.Write(hash);
                    }
                }
            }
            return buffer.ToArray();
        }

        /// <summary>The manifest of <paramref name="body"/>; an <see cref="EndOfStreamException"/> or <see cref="FormatException"/> when it is not one.</summary>
        public static StoredManifest Read(ReadOnlySpan<byte> body)
        {
            var reader = new SpanReader(body);
            var saved = reader.Int64();
            var version = reader.String();
            var problems = new List<StoredProblem>(reader.Count());
            for (var i = problems.Capacity; i > 0; i--)
                problems.Add(new StoredProblem(reader.String(), reader.String()));
            var packs = new List<StoredPack>(reader.Count());
            for (var i = packs.Capacity; i > 0; i--)
                packs.Add(new StoredPack(reader.String(), reader.Int64()));
            var types = new string[reader.Count()];
            for (var i = 0; i < types.Length; i++)
                types[i] = reader.String();
            var files = new List<StoredFile>(reader.Count());
            for (var i = files.Capacity; i > 0; i--)
            {
                var address = reader.String();
                var type = reader.Int32();
                if ((uint)type >= (uint)types.Length)
                    throw new FormatException($"{address}: content type {type} of {types.Length}");
                var lastModified = reader.Int64();
                var key = reader.String();
                string[] tags = [reader.String(), reader.String(), reader.String()];
                var parts = new StoredPart[3];
                for (var part = 0; part < parts.Length; part++)
                    parts[part] = new StoredPart(reader.Int32(), reader.Int64(), reader.Int32(), BinaryPrimitives.ReadUInt128LittleEndian(reader.Bytes(16)));
                files.Add(new StoredFile(address, types[type], lastModified, key, tags, parts));
            }
            if (!reader.AtEnd)
                throw new FormatException("bytes after the last file");
            return new StoredManifest(saved, version, problems, packs, files);
        }

        /// <summary>Reads <see cref="BinaryWriter"/>'s layout from a span, without a stream.</summary>
        private ref struct SpanReader(ReadOnlySpan<byte> bytes)
        {
            private readonly ReadOnlySpan<byte> _bytes = bytes;
            private int _at;

            public readonly bool AtEnd => _at == _bytes.Length;

            public ReadOnlySpan<byte> Bytes(int count)
            {
                if (count < 0 || count > _bytes.Length - _at)
                    throw new EndOfStreamException($"{count} bytes wanted at {_at} of {_bytes.Length}");
                var bytes = _bytes.Slice(_at, count);
                _at += count;
                return bytes;
            }

            public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

            public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

            /// <summary>A count of items that follow, each at least one byte long: a torn count cannot ask for more memory than the body has.</summary>
            public int Count()
            {
                var count = Int32();
                if (count < 0 || count > _bytes.Length - _at)
                    throw new FormatException($"a count of {count} at {_at - 4} of {_bytes.Length}");
                return count;
            }

            public string String()
            {
                // 7 bits at a time, low first, as BinaryWriter writes a string's length.
                var length = 0;
                for (var shift = 0; ; shift += 7)
                {
                    if (shift > 28)
                        throw new FormatException($"a string length too long at {_at}");
                    var next = Bytes(1)[0];
                    length |= (next & 0x7F) << shift;
                    if (next < 0x80)
                        break;
                }
                return Encoding.UTF8.GetString(Bytes(length));
            }
        }
    }
}

/// <summary>What <see cref="PublicationStore.Load"/> found: a publication with each file's planned key, or why none.</summary>
public sealed record StoredPublication(Publication? Publication, IReadOnlyDictionary<string, string> Keys, DateTimeOffset Saved, string? Refusal)
{
    public static StoredPublication Refused(string reason) => new(null, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, reason);
}
