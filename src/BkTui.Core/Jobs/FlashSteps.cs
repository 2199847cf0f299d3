using System.Security.Cryptography;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats;
using BkTui.Core.Inputs;

namespace BkTui.Core.Jobs;

/// <summary>
/// Flash firmware: pre-flight (kind, intact structure, the compatibility gate: family, key, size; bootloader kept), a
/// factory dump first when the archive has none, then write skipping the bootloader and verify (the reboot step follows: <see cref="RebootSteps"/>).
/// </summary>
internal static class FlashSteps
{
    /// <summary>Firmware files larger than this are not firmware (and are not loaded into memory).</summary>
    private const long MaxFirmwareBytes = 16 * 1024 * 1024;

    public static readonly IReadOnlyList<JobStep> All =
    [
        new("pre-flight", ctx => Plan(ctx).Summary),
        CommonSteps.FactoryDumpFirst,
        new("write", ctx =>
        {
            var plan = Plan(ctx);
            ctx.WriteWithSafePoints(plan.Address, plan.Data, allowBootloader: false);
            return $"{plan.Data.Length / 1024} KiB at 0x{plan.Address:X6} (bootloader kept)";
        }),
        new("verify", ctx =>
        {
            var plan = Plan(ctx);
            ctx.VerifyRange(plan.Address, plan.Data);
            ctx.Firmware = plan.Build;
            return "whole-range CRC matches";
        }),
    ];

    private sealed record FlashPlan(uint Address, byte[] Data, string Build, string Summary);

    private static FlashPlan Plan(JobContext ctx)
    {
        if (ctx.Items.TryGetValue("flash", out var p)) return (FlashPlan)p;
        var cached = ctx.Request.FirmwareVersion is { } version ? ctx.FindCachedFirmware(version) : null;
        var path = cached?.Path ?? ctx.Request.FirmwarePath!;
        var file = Load(path);
        var name = cached?.AssetName ?? Path.GetFileName(path);
        if (cached is not null) ctx.Log($"firmware from the cache: {cached.Summary}");
        var image = FirmwareInspector.Inspect(file, name);
        foreach (var w in image.Warnings) ctx.Log($"{name}: {w}");

        if (image.Kind == FirmwareKind.RblOta)
            throw new JobRefusedException($"{name} is an RBL/OTA package: it is for over-the-air updates, not for the UART. Use the QIO (N/M) or UA (T/U) file of the same release.");
        if (image.Kind == FirmwareKind.Bootloader)
            throw new JobRefusedException($"{name} holds only a bootloader; the flash recipe never writes the bootloader. Nothing was written.");
        if (image.TargetOffset is not { } address)
            throw new JobInputException($"{name} is not a flashable BK72xx image ({string.Join("; ", image.Evidence.Concat(image.Warnings).DefaultIfEmpty("unrecognised content"))}).");
        var integrity = ImageIntegrity.Check(file, image);
        if (!integrity.Intact)
            throw new JobInputException($"{name} is incomplete or damaged: {integrity.Text} Nothing was written.");
        if (address < ctx.Profile.BootloaderSize)
            throw new JobRefusedException($"{name} would be written at 0x{address:X6}, inside the bootloader range; nothing was written.");

        var verdict = CompatibilityGate.Check(ctx.Info, file, image,
            new CompatibilityConsent { AllowKeyMismatch = ctx.Request.AllowKeyMismatch, AllowUnknownFamily = ctx.Request.AllowUnknownFamily, UnknownFamilyBuiltFor = ctx.Request.UnknownFamilyBuiltFor },
            name, cached?.Path ?? path);
        ctx.Compatibility = verdict;
        ctx.Log($"compatibility: {verdict.Status.ToString().ToLowerInvariant()} — {verdict.Text}");
        if (!verdict.MayWrite) throw new JobRefusedException(string.Join(" ", verdict.Blocking.Select(f => f.Text)) + CachedBuildAdvice(cached, verdict));

        var data = file.AsSpan(image.SourceOffset, image.WriteLength).ToArray();
        CheckRfOwner(ctx, name, data, address);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var kept = image.ContainsBootloader ? "the file's bootloader skipped, the chip's kept" : "the chip's bootloader kept";
        var family = verdict.ImageFamily is { } f ? $"built for {f}"
            : ctx.Request.UnknownFamilyBuiltFor is { } said ? $"family unknown (you said {said})" : "family unknown (consented)";
        var key = verdict.Findings.Any(x => x.Aspect == "key" && x.Overridden) ? $"key {image.Key}, MISMATCH overridden" : $"key {image.Key}";
        var plan = new FlashPlan(address, data, cached?.Summary ?? $"{name} sha256:{sha[..16]}",
            $"{image.Kind} image, {data.Length / 1024} KiB at 0x{address:X6}, {kept}; {family}; {key}");
        ctx.Log($"firmware {name} (sha256 {sha}): {plan.Summary}");
        ctx.Items["flash"] = plan;
        return plan;
    }

    /// <summary>
    /// A cached build refused for its family is a mislabelled release asset: fetching "the right build"
    /// again would answer with the same file, so say how to get rid of it and what else to flash.
    /// </summary>
    private static string CachedBuildAdvice(Firmware.CachedFirmware? cached, CompatibilityVerdict verdict)
    {
        if (cached is null || verdict.ImageFamily is not { } built
            || !verdict.Blocking.Any(f => f.Aspect == "family") || ImageFamilyReader.SameSilicon(cached.Family, built)) return "";
        return $" The refused file is the cached {cached.Family} build {cached.AssetName} ({cached.Tag}, from {cached.SourceUrl}), which is really a {built} build: " +
               $"`bktui firmware get --chip {cached.Family} --version {cached.Tag}` checks it again and removes it from the cache; " +
               "then flash another --firmware-version, or a build you checked with --firmware FILE.";
    }

    private static byte[] Load(string path)
    {
        try { return RegularFile.Read(path, MaxFirmwareBytes, "firmware file"); }
        catch (InputFileException e) { throw new JobInputException(e.Message); }
    }

    /// <summary>
    /// A whole dump of another device carries that device's RF calibration and MAC: writing it would
    /// silently replace this chip's own. Refused; restore-factory writes a device's own dump back. The
    /// reason comes before the file's name, so a Queue row at 80 columns still shows it.
    /// </summary>
    private static void CheckRfOwner(JobContext ctx, string name, byte[] data, uint address)
    {
        if (Preflight.OtherDeviceRf.In(ctx.Profile, ctx.Mac, data, address) is { } theirs)
            throw new JobRefusedException($"the RF calibration of another device (MAC {theirs}) is in {name}; writing it would replace this chip's own calibration and MAC {ctx.Mac}. Nothing was written. Use a firmware (QIO/UA) file, or `bktui run restore-factory` with a dump of this device.");
    }
}
