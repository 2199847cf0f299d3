using BkTui.Core.Chips;

namespace BkTui.Core.Flashing;

/// <summary>Where the bytes of a firmware file go: flash address, and how many leading file bytes are skipped.</summary>
public sealed record Placement(uint Address, int FileOffset, int Length, string Reason);

/// <summary>
/// Decides where a file is written, by content rather than by name (flash-formats.md §10): a
/// whole-flash (QIO/dump) image starts with a bootloader and keeps the chip's bootloader unless
/// the user consents; an app (UA) image goes to the family's app offset.
/// </summary>
public static class ImagePlacement
{
    /// <summary>Encrypted ARM vector table of a Tuya-key app (flash-formats.md §10.3).</summary>
    private static ReadOnlySpan<byte> TuyaAppSignature => [0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B];

    public static Placement Decide(ReadOnlySpan<byte> file, ChipProfile profile, uint? start, bool allowBootloader)
    {
        if (file.Length == 0) throw new ArgumentException("the file is empty.");
        if (start is { } at) return new Placement(at, 0, file.Length, $"at 0x{at:X} as requested");
        var boot = (int)profile.BootloaderSize;
        if (!StartsWithBootloader(file))
            return new Placement(profile.AppOffset, 0, file.Length, $"app image: at the {profile.Family} app offset 0x{profile.AppOffset:X}");
        if (allowBootloader && profile.BootloaderWritable)
            return new Placement(0, 0, file.Length, "whole image including the bootloader (--allow-bootloader)");
        if (file.Length <= boot)
            throw new ArgumentException($"the file is only a bootloader (0x{file.Length:X} bytes); writing it needs --allow-bootloader.");
        return new Placement((uint)boot, boot, file.Length - boot, $"whole-flash image: bootloader kept, file bytes from 0x{boot:X} written at 0x{boot:X}");
    }

    /// <summary>
    /// Known bootloader CRC at 0 (256 or 257 bytes), the plaintext "BK7231" marker of BootROM
    /// bootloaders (logical 0x100 = physical 0x110, flash-formats.md §10.4, §12), or an app at 0x11000 of the file.
    /// </summary>
    public static bool StartsWithBootloader(ReadOnlySpan<byte> file)
    {
        if (file.Length >= 257 && (ChipProfiles.Bootloader(BekenCrc32.Standard(file[..256])) is not null
                                   || ChipProfiles.Bootloader(BekenCrc32.Standard(file[..257])) is not null)) return true;
        if (file.Length >= 0x118 && file.Slice(0x110, 6).SequenceEqual("BK7231"u8)) return true;
        return file.Length >= 0x11008 && file.Slice(0x11000, 8).SequenceEqual(TuyaAppSignature);
    }
}
