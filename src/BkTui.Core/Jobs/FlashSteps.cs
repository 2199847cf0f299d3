using System.Security.Cryptography;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Jobs;

/// <summary>
/// Flash firmware: pre-flight (kind, key versus the chip's eFuse key, size, bootloader kept), a
/// factory dump first when the archive has none, then write skipping the bootloader, verify, reboot.
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
        new("reboot", ctx =>
        {
            ctx.Device.Reboot();
            ctx.Disconnect(); // the session is spent once the chip runs its firmware
            return "the chip now runs the new firmware";
        }) { Retryable = false },
    ];

    private sealed record FlashPlan(uint Address, byte[] Data, string Build, string Summary);

    private static FlashPlan Plan(JobContext ctx)
    {
        if (ctx.Items.TryGetValue("flash", out var p)) return (FlashPlan)p;
        var path = ctx.Request.FirmwarePath!;
        var file = Load(path);
        var profile = ctx.Profile;
        var name = Path.GetFileName(path);

        if (file.Length >= 4 && RblHeader.Magic.SequenceEqual(file.AsSpan(0, 4)))
            throw new JobRefusedException($"{name} is an RBL/OTA package: it is for over-the-air updates, not for the UART. Use the QIO (N/M) or UA (T/U) file of the same release.");

        Placement placement;
        try { placement = ImagePlacement.Decide(file, profile, start: null, allowBootloader: false); }
        catch (ArgumentException e) { throw new JobInputException($"{name}: {e.Message}"); }
        if (placement.Address < profile.BootloaderSize)
            throw new JobRefusedException($"{name} would be written at 0x{placement.Address:X6}, inside the bootloader range; nothing was written.");
        if ((ulong)placement.Address + (ulong)placement.Length > ctx.Info.FlashSize)
            throw new JobRefusedException($"{name} needs 0x{placement.Address:X6}+0x{placement.Length:X} but the flash is only {ctx.Info.FlashSize / 1024} KiB; nothing was written.");

        var data = file.AsSpan(placement.FileOffset, placement.Length).ToArray();
        var key = CheckKey(ctx, name, data, placement.Address);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var plan = new FlashPlan(placement.Address, data, $"{name} sha256:{sha[..16]}",
            $"{placement.Reason}; key {key}; {data.Length / 1024} KiB");
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
    /// The image's key (from its first code block) against the chip's eFuse key: a mismatch will not
    /// boot (the seeds' BK7231M/BL2028N zero-key devices), so it is refused unless overridden.
    /// </summary>
    private static string CheckKey(JobContext ctx, string name, byte[] data, uint address)
    {
        var chipKey = ctx.Info.EfuseKey;
        var logical = CrcBlocks.PhysicalToLogical(address);
        var image = address % CrcBlocks.BlockSize == 0 ? KeyProbe.Identify(data, logical) : null;
        if (image is null)
        {
            ctx.Log($"{name}: its key is not one BkTui knows (or the file is not encrypted code); cannot check it against the chip");
            return "unknown";
        }
        if (chipKey is not { } chip) return $"{image.Value.Name} (the chip's key cannot be read on {ctx.Info.Family})";
        if (chip == image.Value.Key) return $"{image.Value.Name}, matches the chip";
        var advice = chip.IsZero
            ? $"This chip's eFuse key is all zero (BK7231M/BL2028N): flash an OpenBK7231M build, or convert this one with `bktui image convert --to zero {name} OUT`."
            : $"Use a build for the {chip.Verdict} key.";
        var message = $"{name} is encrypted with the {image.Value.Name} key but the chip's eFuse key is {chip.Verdict} ({chip}); it would not boot. {advice}";
        if (!ctx.Request.AllowKeyMismatch) throw new JobRefusedException(message + " Nothing was written (override with --allow-key-mismatch).");
        ctx.Log($"key mismatch overridden: {message}");
        return $"{image.Value.Name}, MISMATCH overridden";
    }
}
