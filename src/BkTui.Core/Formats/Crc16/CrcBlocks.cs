using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BkTui.Core.Formats.Crc16;

/// <summary>State of one 34-byte block: 32 data bytes + big-endian CRC-16.</summary>
public enum BlockState { Valid, Erased, BadCrc }

/// <summary>
/// The 34-byte block format of the bootloader and app partitions, and the mapping between the
/// physical flash space and the logical (CPU) space without CRC bytes (flash-formats.md §1).
/// </summary>
public static class CrcBlocks
{
    public const int DataSize = 32;
    public const int BlockSize = 34;

    public static uint LogicalToPhysical(uint logical) => logical + 2 * (logical / DataSize);
    public static uint PhysicalToLogical(uint physical) => physical - 2 * (physical / BlockSize);

    public static BlockState Classify(ReadOnlySpan<byte> block)
    {
        if (block.Length < BlockSize) return BlockState.BadCrc;
        var stored = (ushort)(block[32] << 8 | block[33]);
        if (Crc16Cms.Compute(block[..DataSize]) == stored) return BlockState.Valid;
        return block[..BlockSize].IndexOfAnyExcept((byte)0xFF) < 0 ? BlockState.Erased : BlockState.BadCrc;
    }

    /// <summary>Drops the CRC of every whole block (a trailing partial block is ignored).</summary>
    public static byte[] ToLogical(ReadOnlySpan<byte> physical)
    {
        var blocks = physical.Length / BlockSize;
        var result = new byte[blocks * DataSize];
        // Two 16-byte vectors per block instead of a Span copy call: the app (~1 MB) goes through here
        // twice per analysis, and the per-call overhead was most of the cost (docs/performance-startup.md).
        // 128-bit, not 256: every x64 and arm64 has it, so ReadyToRun precompiles this too.
        ref var from = ref MemoryMarshal.GetReference(physical);
        ref var to = ref MemoryMarshal.GetArrayDataReference(result);
        for (var i = 0; i < blocks; i++)
        {
            nuint src = (nuint)(i * BlockSize), dst = (nuint)(i * DataSize);
            Vector128.LoadUnsafe(ref from, src).StoreUnsafe(ref to, dst);
            Vector128.LoadUnsafe(ref from, src + 16).StoreUnsafe(ref to, dst + 16);
        }
        return result;
    }

    /// <summary>Pads to a multiple of 32 bytes with 0xFF and appends the big-endian CRC after every 32 bytes.</summary>
    public static byte[] ToPhysical(ReadOnlySpan<byte> logical)
    {
        var blocks = (logical.Length + DataSize - 1) / DataSize;
        var result = new byte[blocks * BlockSize];
        Span<byte> data = stackalloc byte[DataSize];
        for (var i = 0; i < blocks; i++)
        {
            data.Fill(0xFF);
            var chunk = logical.Slice(i * DataSize, Math.Min(DataSize, logical.Length - i * DataSize));
            chunk.CopyTo(data);
            WriteBlock(data, result.AsSpan(i * BlockSize, BlockSize));
        }
        return result;
    }

    /// <summary>Writes 32 data bytes and their CRC into a 34-byte destination.</summary>
    public static void WriteBlock(ReadOnlySpan<byte> data32, Span<byte> block34)
    {
        data32[..DataSize].CopyTo(block34);
        var crc = Crc16Cms.Compute(data32[..DataSize]);
        block34[32] = (byte)(crc >> 8);
        block34[33] = (byte)crc;
    }

    /// <summary>Counts valid / erased / bad blocks in a physical range (whole blocks only).</summary>
    public static BlockCounts Count(ReadOnlySpan<byte> physical)
    {
        int valid = 0, erased = 0, bad = 0;
        uint firstBad = uint.MaxValue;
        for (var i = 0; i + BlockSize <= physical.Length; i += BlockSize)
        {
            switch (Classify(physical.Slice(i, BlockSize)))
            {
                case BlockState.Valid: valid++; break;
                case BlockState.Erased: erased++; break;
                default:
                    bad++;
                    if (firstBad == uint.MaxValue) firstBad = (uint)i;
                    break;
            }
        }
        return new BlockCounts(valid, erased, bad, firstBad == uint.MaxValue ? null : firstBad);
    }
}

/// <summary>Result of <see cref="CrcBlocks.Count"/>; FirstBad is relative to the range start.</summary>
public readonly record struct BlockCounts(int Valid, int Erased, int Bad, uint? FirstBad);
