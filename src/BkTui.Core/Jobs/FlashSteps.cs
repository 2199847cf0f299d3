using System.Security.Cryptography;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Jobs;

/// <summary>
/// Flash firmware: pre-flight (kind, key versus the chip's eFuse key, size, bootloader kept), a
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
        if (address < ctx.Profile.BootloaderSize)
            throw new JobRefusedException($"{name} would be written at 0x{address:X6}, inside the bootloader range; nothing was written.");
        if ((ulong)address + (ulong)image.WriteLength > ctx.Info.FlashSize)
            throw new JobRefusedException($"{name} needs 0x{address:X6}+0x{image.WriteLength:X} but the flash is only {ctx.Info.FlashSize / 1024} KiB; nothing was written.");

        var data = file.AsSpan(image.SourceOffset, image.WriteLength).ToArray();
        CheckRfOwner(ctx, name, data, address);
        var key = CheckKey(ctx, name, image);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var kept = image.ContainsBootloader ? "the file's bootloader skipped, the chip's kept" : "the chip's bootloader kept";
        var plan = new FlashPlan(address, data, cached?.Summary ?? $"{name} sha256:{sha[..16]}",
            $"{image.Kind} image, {data.Length / 1024} KiB at 0x{address:X6}, {kept}; key {key}");
        ctx.Log($"firmware {name} (sha256 {sha}): {plan.Summary}");
        ctx.Items["flash"] = plan;
        return plan;
    }

    private static byte[] Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new JobInputException($"{path}: no such firmware file.");
        if (info.Length == 0) throw new JobInputException($"{path} is empty.");
        if (info.Length > MaxFirmwareBytes) throw new JobInputException($"{path} is {info.Length / 1024 / 1024} MiB: too large to be BK72xx firmware.");
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// The image's key against the chip's eFuse key: a mismatch will not boot (the seeds' BK7231M /
    /// BL2028N zero-key devices), so it is refused unless overridden.
    /// </summary>
    private static string CheckKey(JobContext ctx, string name, FirmwareImage image)
    {
        if (ctx.Info.EfuseKey is not { } chip) return $"{image.Key} (the chip's key cannot be read on {ctx.Info.Family})";
        if (image.KeyWords is { } imageKey ? chip == imageKey : image.Key != "other" || chip.Verdict == "other")
        {
            if (image.KeyWords is null) ctx.Log($"{name}: its key is {image.Key}; cannot check it against the chip's");
            return image.KeyWords is null ? image.Key : $"{image.Key}, matches the chip";
        }
        // Known image key that differs, or code under an unknown key while the chip's key is a known one.
        var advice = chip.IsZero
            ? $"This chip's eFuse key is all zero (BK7231M/BL2028N): flash an OpenBK7231M build, or convert this one: `bktui image convert {name} --to-key zero`."
            : $"Use a build for the {chip.Verdict} key.";
        var message = $"{name} is encrypted with the {image.Key} key but the chip's eFuse key is {chip.Verdict} ({chip}); it would not boot. {advice}";
        if (!ctx.Request.AllowKeyMismatch) throw new JobRefusedException(message + " Nothing was written (override with --allow-key-mismatch).");
        ctx.Log($"key mismatch overridden: {message}");
        return $"{image.Key}, MISMATCH overridden";
    }

    /// <summary>
    /// A whole dump of another device carries that device's RF calibration and MAC: writing it would
    /// silently replace this chip's own. Refused; restore-factory writes a device's own dump back.
    /// </summary>
    private static void CheckRfOwner(JobContext ctx, string name, byte[] data, uint address)
    {
        var rf = ctx.Profile.RfOffset;
        if (ctx.Mac is null || rf < address || rf + 0x1000UL > address + (ulong)data.Length) return;
        var sector = data.AsSpan((int)(rf - address), 0x1000);
        if (!RfCalibration.HasMagic(sector)) return;
        var theirs = MacAddress.FromBytes(sector.Slice(0x24, 6));
        if (MacAddress.TryParse(ctx.Mac, out var mine) && theirs != mine)
            throw new JobRefusedException($"{name} contains the RF calibration of another device (MAC {theirs}); writing it would replace this chip's own calibration and MAC {mine}. Nothing was written. Use a firmware (QIO/UA) file, or `bktui run restore-factory` with a dump of this device.");
    }
}
