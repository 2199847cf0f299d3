namespace BkTui.Core.Flashing;

/// <summary>
/// 64 KiB blocks the host already holds that the chip may hold too: the same device's last dump
/// (differential re-backup) or other devices' dumps of the same family and bootloader (dedup on
/// the wire). A read takes such a block's sectors only when the chip's CRCs prove them
/// (<see cref="ChipSession.Read"/>); a wrong candidate costs time, never correctness.
/// </summary>
public interface IKnownBlocks
{
    /// <summary>
    /// Candidate contents of the 64 KiB block at <paramref name="address"/>, most likely first.
    /// <paramref name="bootKey"/> is the chip CRC of the flash's first 64 KiB (the bootloader), null
    /// when the read does not start at 0; <paramref name="chipBlockCrc"/> is the chip's CRC of this block.
    /// </summary>
    IReadOnlyList<ReadOnlyMemory<byte>> Candidates(uint? bootKey, uint address, uint chipBlockCrc);
}

/// <summary>A previous image of the range being read (same device): its block at the same place is the one candidate.</summary>
public sealed class PreviousImage(byte[] image, uint rangeStart) : IKnownBlocks
{
    public IReadOnlyList<ReadOnlyMemory<byte>> Candidates(uint? bootKey, uint address, uint chipBlockCrc)
    {
        var rel = (long)address - rangeStart;
        return rel < 0 || rel + Protocol.FlashGeometry.BlockSize > image.Length
            ? []
            : [image.AsMemory((int)rel, Protocol.FlashGeometry.BlockSize)];
    }
}
