using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Inputs;

namespace BkTui.Core.Compatibility;

/// <summary>
/// What the gate will say about a firmware file before a chip is linked (for a confirmation
/// question): its structure, and its family against the family last seen on that adapter. The
/// recipe's pre-flight still decides on the linked chip.
/// </summary>
public static class CompatibilityPreview
{
    private const long MaxFirmwareBytes = 16 * 1024 * 1024;

    /// <summary>One or two sentences; <paramref name="lastSeen"/> null = no chip seen on that port yet.</summary>
    public static string Describe(string path, ChipFamily? lastSeen, string? lastSeenKey = null) => Assess(path, lastSeen, lastSeenKey).Text;

    /// <summary>
    /// The sentence, and whether the image needs the user's consent for an unknown family (<see cref="FamilyConsent"/>).
    /// <paramref name="lastSeenKey"/>: the eFuse key verdict ("tuya", "zero", "other") the archive recorded for the chip last seen there.
    /// </summary>
    /// <param name="lastSeenMac">The MAC the chip last seen on that adapter reported: an image carrying another device's RF calibration is refused there (<see cref="Preflight.OtherDeviceRf"/>).</param>
    public static PreviewVerdict Assess(string path, ChipFamily? lastSeen, string? lastSeenKey = null, string? lastSeenMac = null)
    {
        byte[] file;
        try { file = RegularFile.Read(path, MaxFirmwareBytes, "firmware file"); }
        catch (InputFileException e) { return new($"The engine will refuse it: {e.Message}", WillRefuse: true, NoChipTakesIt: true); }
        var name = Path.GetFileName(path);
        var image = FirmwareInspector.Inspect(file, name);
        if (!image.Writable)
            return new($"The engine will refuse it: {name} is not a firmware image it can write (no QIO, UA or whole-dump structure found in it).", WillRefuse: true, NoChipTakesIt: true);
        if (ImageIntegrity.Check(file, image) is { Intact: false } damaged) return new($"The engine will refuse it as damaged: {damaged.Text}", WillRefuse: true, NoChipTakesIt: true);
        var family = ImageFamilyReader.Read(file, image).Family;
        if (OtherRf(file, image, family ?? lastSeen, lastSeenMac) is { } rf) return new($"The engine will refuse it: {name} {rf}", WillRefuse: true);
        if (KeyMismatch(image, lastSeenKey) is { } chipKey)
            return new($"{name} is encrypted with the {image.Key} key but the chip last seen on this adapter has the {chipKey} key: " +
                       $"the engine's key check will refuse it there{(chipKey == "zero" ? " (a zero-key BK7231M/BL2028N needs an OpenBK7231M build, or `bktui image convert`)" : "")}.",
                       WillRefuse: true, KeyMismatch: true);
        if (family is null)
            return new($"{name} names no chip family: the engine writes it only with your consent (you type the family it is built for; " +
                       "the CLI takes --allow-unknown-family), and refuses it if that family is not the linked chip's.", NeedsFamilyConsent: true);
        if (lastSeen is { } chip && !ImageFamilyReader.SameSilicon(family.Value, chip))
            return new($"{name} is built for {family} but this adapter last held a {chip}: the engine will refuse it on that chip (use {CompatibilityGate.RightBuild(chip)}).", WillRefuse: true);
        return new($"{name} is built for {family}; the key and size are checked on the linked chip before anything is written.");
    }

    /// <summary>
    /// The recipe's pre-flight check against another device's RF calibration (<see cref="Preflight.OtherDeviceRf"/>),
    /// before the chip is linked: a sentence when the image carries the RF sector of another MAC than the one last seen there.
    /// </summary>
    private static string? OtherRf(byte[] file, FirmwareImage image, ChipFamily? family, string? lastSeenMac)
    {
        if (family is not { } f || lastSeenMac is null || image.TargetOffset is not { } address) return null;
        var data = file.AsSpan(image.SourceOffset, image.WriteLength);
        return Preflight.OtherDeviceRf.In(ChipProfiles.For(f), lastSeenMac, data, address) is { } theirs
            ? $"contains the RF calibration of another device (MAC {theirs}); the chip last seen here is {lastSeenMac.ToUpperInvariant()}, whose own calibration and MAC it would replace. " +
              "Use a firmware (QIO/UA) file, or restore-factory with a dump of this device."
            : null;
    }

    /// <summary>
    /// Writing an archived dump back (restore-factory) onto the chip last seen on a port: null when both
    /// families are known and the same; else the sentence a confirmation shows, refusing when the silicon
    /// differs (the pre-flight gate refuses a dump of other silicon on the linked chip).
    /// </summary>
    public static PreviewVerdict? DumpOnChip(ChipFamily? dump, ChipFamily? lastSeen)
    {
        if (dump is { } d && lastSeen is { } c)
        {
            if (d == c) return null;
            return ImageFamilyReader.SameSilicon(d, c)
                ? new($"the dump is of a {d}, the chip last seen on this port a {c}: the same silicon, so the family check lets it through.")
                : new($"the dump is of a {d}, but the chip last seen on this port is a {c}: the engine's compatibility check will refuse it there.", WillRefuse: true);
        }
        var what = (dump, lastSeen) switch
        {
            (null, null) => "neither the dump's chip family nor that of the chip on this port is recorded",
            (null, _) => "the dump's chip family is not recorded",
            _ => $"the dump is of a {dump}; the family of the chip on this port is not recorded",
        };
        return new($"{what}: the family is checked on the linked chip before anything is written.");
    }

    /// <summary>
    /// The chip's key verdict when the image's code key cannot be it, as the gate's key check decides
    /// once eFuse is read: a tuya or zero image needs that key; an image under another key needs a chip
    /// whose key is neither. Null when nothing contradicts (or nothing is known).
    /// </summary>
    private static string? KeyMismatch(FirmwareImage image, string? lastSeenKey)
    {
        if (image.Kind is FirmwareKind.Unknown or FirmwareKind.RblOta || lastSeenKey is null) return null;
        var chipKey = lastSeenKey.Trim().ToLowerInvariant().Split('-', ' ')[0];
        if (chipKey is not ("tuya" or "zero" or "other")) return null;
        var imageKey = image.Key is "tuya" or "zero" ? image.Key : "other";
        return imageKey == chipKey ? null : chipKey;
    }
}

/// <summary>What the preview says, whether writing needs the typed family consent, and whether the engine will refuse it (a key mismatch among the reasons).</summary>
/// <param name="NoChipTakesIt">The file itself is refused (unreadable, not an image, damaged), whatever chip is linked: nothing to ask.</param>
public sealed record PreviewVerdict(string Text, bool NeedsFamilyConsent = false, bool WillRefuse = false, bool KeyMismatch = false, bool NoChipTakesIt = false);
