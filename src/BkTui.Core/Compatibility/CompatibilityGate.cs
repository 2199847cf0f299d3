using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;

namespace BkTui.Core.Compatibility;

/// <summary>
/// The pre-flight compatibility gate (docs/compatibility.md): from the chip (family, bootloader, eFuse
/// key, flash size) and the image (family from its own content, key, size) it decides compatible /
/// refused / unknown before a byte is sent. Used by the flash recipe, `write`, restore paths and the
/// TUI; pure, no I/O.
/// </summary>
public static class CompatibilityGate
{
    public static CompatibilityVerdict Check(ChipInfo chip, ReadOnlySpan<byte> file, FirmwareImage image, CompatibilityConsent? consent = null, string? name = null, string? path = null)
    {
        consent ??= CompatibilityConsent.None;
        name ??= "the image";
        var family = ImageFamilyReader.Read(file, image);
        var built = Family(chip, family, consent, name);
        var findings = new List<CompatibilityFinding> { built, Key(chip, image, consent, name, path, wrongFamily: built.Status == CompatibilityStatus.Refused) };
        if (Size(chip, image, name) is { } size) findings.Add(size);
        var worst = findings.Any(f => f.Status == CompatibilityStatus.Refused) ? CompatibilityStatus.Refused
            : findings.Any(f => f.Status == CompatibilityStatus.Unknown) ? CompatibilityStatus.Unknown
            : CompatibilityStatus.Compatible;
        return new CompatibilityVerdict
        {
            Status = worst, ChipFamily = chip.Family, ImageFamily = family.Family, Findings = findings, Evidence = family.Evidence,
            RightBuild = worst == CompatibilityStatus.Compatible ? null : RightBuild(chip.Family),
        };
    }

    /// <summary>The OpenBeken release file for a family, as a glob ("OpenBK7231T_UA_*.bin").</summary>
    public static string RightBuild(ChipFamily family) => ChipProfiles.For(family).FirmwarePrefix + "*.bin";

    private static CompatibilityFinding Family(ChipInfo chip, ImageFamily image, CompatibilityConsent consent, string name)
    {
        var boot = $"bootloader {chip.Bootloader}";
        if (image.Family is null && consent.UnknownFamilyBuiltFor is { } said)
            return ImageFamilyReader.SameSilicon(said, chip.Family)
                ? new("family", CompatibilityStatus.Unknown,
                    $"Cannot tell which chip family {name} is built for ({string.Join("; ", image.Evidence)}); you said it is a {said} build and this chip is a {chip.Family} ({boot}).", Overridden: true)
                : new("family", CompatibilityStatus.Refused,
                    $"Wrong chip family: you said {name} is a {said} build, but this chip is a {chip.Family} ({boot}): it would not boot. Nothing was written. " +
                    $"Use the {chip.Family} build, {RightBuild(chip.Family)} (`bktui firmware get --chip {chip.Family}`).");
        if (image.Family is not { } built)
            return new("family", CompatibilityStatus.Unknown,
                $"Cannot tell which chip family {name} is built for ({string.Join("; ", image.Evidence)}); this chip is a {chip.Family} ({boot}). " +
                $"If you know it is a {chip.Family} build, pass --allow-unknown-family; the usual build is {RightBuild(chip.Family)}.",
                consent.AllowUnknownFamily);
        if (!ImageFamilyReader.SameSilicon(built, chip.Family))
            return new("family", CompatibilityStatus.Refused,
                // The verdict first: a queue row or message line that cuts this still says why.
                $"Wrong chip family: {name} is built for {built} but this chip is a {chip.Family} ({boot}): it would not boot. Nothing was written. " +
                $"Use the {chip.Family} build, {RightBuild(chip.Family)} (`bktui firmware get --chip {chip.Family}`).");
        return new("family", CompatibilityStatus.Compatible, $"built for {built}, the chip is a {chip.Family}");
    }

    /// <summary>
    /// The image's key against the chip's: a read eFuse key must match the image's (an image under an
    /// unknown key passes only on a chip whose key is also unknown); where eFuse cannot be read the
    /// family's usual key is assumed and only a known image key can contradict it.
    /// </summary>
    /// <param name="wrongFamily">The image is already refused for its family: converting its key would not make it run, so neither that nor the key override is offered.</param>
    /// <param name="path">The image's file, which `bktui image convert` can take; null for bytes that are no file (an archived dump).</param>
    private static CompatibilityFinding Key(ChipInfo chip, FirmwareImage image, CompatibilityConsent consent, string name, string? path, bool wrongFamily)
    {
        var read = chip.EfuseKey;
        var chipKey = read ?? chip.Profile.DefaultEfuseKey;
        var matches = read is { } r
            ? image.KeyWords is { } k ? k == r : image.Key != "other" || r.Verdict == "other"
            : image.KeyWords is not { } k2 || k2 == chipKey;
        if (image.Kind is FirmwareKind.Unknown or FirmwareKind.RblOta) matches = true; // no code key to compare
        var source = read is { } got ? $"{got.Verdict} ({got})" : $"{chipKey.Verdict} (the {chip.Family}'s usual key; this bootloader cannot read eFuse)";
        if (matches) return new("key", CompatibilityStatus.Compatible, $"key {image.Key}, the chip's is {source}");
        if (wrongFamily)
            return new("key", CompatibilityStatus.Refused, $"{name} is also encrypted with the {image.Key} key, and the chip's eFuse key is {source}.", consent.AllowKeyMismatch);
        var convert = path is null ? null
            : $", or convert this one: `bktui image convert {Quote(path)} --to-key {chipKey.Verdict} --out {Quote($"{Path.GetFileNameWithoutExtension(name)}_{chipKey.Verdict}key.bin")}`";
        var advice = chipKey.IsZero
            ? $"This chip's eFuse key is all zero (BK7231M/BL2028N): flash an OpenBK7231M build{convert}."
            : chipKey.Verdict == "other" ? "Use a build encrypted for this chip's key." : $"Use a build for the {chipKey.Verdict} key{convert}.";
        return new("key", CompatibilityStatus.Refused,
            $"Wrong key: {name} is encrypted with the {image.Key} key but the chip's eFuse key is {source}; it would not boot. {advice} Nothing was written (override with --allow-key-mismatch).",
            consent.AllowKeyMismatch);
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? $"'{path.Replace("'", "'\\''")}'" : path;

    private static CompatibilityFinding? Size(ChipInfo chip, FirmwareImage image, string name)
    {
        if (image.TargetOffset is not { } at) return null;
        var end = (ulong)at + (ulong)image.WriteLength;
        return end <= chip.FlashSize ? null
            : new("size", CompatibilityStatus.Refused, $"{name} needs 0x{at:X6}+0x{image.WriteLength:X} but the flash is only {chip.FlashSize / 1024} KiB; nothing was written.");
    }
}
