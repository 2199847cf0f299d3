using BkTui.Core.Chips;
using BkTui.Core.Formats;

namespace BkTui.Core.Flashing;

/// <summary>Where the bytes of a firmware file go: flash address, and which part of the file.</summary>
public sealed record Placement(uint Address, int FileOffset, int Length, string Reason);

/// <summary>
/// Decides where a file is written from what <see cref="FirmwareInspector"/> found in it (content,
/// not name): a whole-flash/QIO image keeps the chip's bootloader unless the user consents and the
/// family allows it; an app (UA) image goes to the family's app offset; OTA packages and unknown
/// files are refused unless an explicit address is given.
/// </summary>
public static class ImagePlacement
{
    /// <exception cref="InvalidDataException">The file cannot be written over UART as it stands.</exception>
    public static Placement Decide(ReadOnlySpan<byte> file, FirmwareImage info, ChipProfile profile, uint? start, bool allowBootloader)
    {
        if (file.Length == 0) throw new InvalidDataException("the file is empty.");
        if (start is { } at) return new Placement(at, 0, file.Length, $"whole file at 0x{at:X} as requested");
        if (info.ContainsBootloader && allowBootloader && profile.BootloaderWritable)
            return new Placement(0, 0, file.Length, "whole image including the bootloader (--allow-bootloader)");
        if (info.Kind == FirmwareKind.Bootloader)
            throw new InvalidDataException($"the file is a bootloader alone; writing it needs --allow-bootloader, and only a BootROM chip (N, M, BK7238) accepts it — this is a {profile.Family}.");
        if (info.TargetOffset is null)
            throw new InvalidDataException($"not a firmware image that can be written over UART ({Describe(info)}). " +
                                           "Use --start ADDRESS to write its raw bytes somewhere on purpose.");
        if (info.Kind == FirmwareKind.App)
            return new Placement(profile.AppOffset, 0, file.Length, $"app image: at the {profile.Family} app offset 0x{profile.AppOffset:X}");
        return new Placement(info.TargetOffset.Value, info.SourceOffset, info.WriteLength,
            $"{(info.Kind == FirmwareKind.FullDump ? "whole-flash dump" : "QIO image")}: bootloader kept, file bytes from 0x{info.SourceOffset:X} written at 0x{info.TargetOffset:X}");
    }

    private static string Describe(FirmwareImage info) =>
        string.Join("; ", new[] { info.Kind.ToString() }.Concat(info.Warnings).Concat(info.Evidence.Take(2)));
}
