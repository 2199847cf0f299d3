using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Protocol;

namespace BkTui.Core.Jobs;

/// <summary>
/// The known blocks a backup offers the chip: this device's last dump first (differential
/// re-backup), then blocks other dumps of the same family and bootloader hold at the same offset
/// (dedup on the wire across devices). Dumps are loaded when first needed, at most
/// <see cref="MaxDumps"/> of them per backup.
/// </summary>
internal sealed class ArchivedBlocks(DumpArchive archive, string family, byte[]? previous) : IKnownBlocks
{
    private const int MaxDumps = 8;
    private readonly Dictionary<long, byte[]?> _loaded = [];

    public IReadOnlyList<ReadOnlyMemory<byte>> Candidates(uint? bootKey, uint address, uint chipBlockCrc)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        if (previous is not null && address + FlashGeometry.BlockSize <= previous.Length)
            found.Add(previous.AsMemory((int)address, FlashGeometry.BlockSize));
        if (bootKey is not { } key) return found;
        foreach (var holder in archive.BlockHolders(family, key, address, chipBlockCrc))
            if (Load(holder.DumpId) is { } bytes && address + FlashGeometry.BlockSize <= bytes.Length)
                found.Add(bytes.AsMemory((int)address, FlashGeometry.BlockSize));
        return found;
    }

    private byte[]? Load(long dumpId)
    {
        if (_loaded.TryGetValue(dumpId, out var bytes)) return bytes;
        if (_loaded.Count >= MaxDumps) return null;
        return _loaded[dumpId] = archive.ReadDumpBytes(dumpId);
    }
}
