using BkTui.Core.Archive;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Preflight;

namespace BkTui.Core.Jobs;

/// <summary>Custom: read or write N bytes at offset X, with the same guards as every write.</summary>
internal static class CustomSteps
{
    public static readonly IReadOnlyList<JobStep> Read =
    [
        new("read", ctx =>
        {
            var (start, length) = (ctx.Request.Start!.Value, ctx.Request.Length!.Value);
            CheckRange(ctx, start, length);
            ctx.Image = ctx.Device.Read(start, length, null, ctx.StopToken);
            return $"{length} bytes from 0x{start:X6}";
        }),
        new("save", ctx =>
        {
            var path = ctx.Request.ReadPath!;
            DurableFile.WriteAtomic(path, ctx.Image!);
            return path;
        }),
    ];

    /// <summary>Pre-flight for a custom write: file, range and bootloader guard, before anything is sent.</summary>
    public static readonly JobStep Check = new("pre-flight", ctx =>
    {
        var data = Payload(ctx);
        var start = ctx.Request.Start!.Value;
        CheckRange(ctx, start, (uint)data.Length);
        CheckBootloader(ctx, start, ctx.Request.AllowBootloader);
        var boot = BootloaderWording.ForRawWrite(start, data, ctx.Profile.BootloaderSize);
        if (boot is not null) ctx.Log($"bootloader (--allow-bootloader): {boot}");
        // The same RF rules as `bktui write`; the chip's sector is read (CRC-proven) to see whether it changes.
        var consent = new DirectWriteConsent { AllowOtherDeviceRf = ctx.Request.AllowOtherDeviceRf, AllowRfChange = ctx.Request.AllowRfOverwrite };
        DirectWritePreflight.GuardRf(ctx.Profile, ctx.Mac, ctx.Request.Port, start, data, consent,
            (at, expected) => expected.SequenceEqual(ctx.Device.Read(at, (uint)expected.Length, null, ctx.StopToken)), ctx.Log);
        return $"{data.Length} bytes to 0x{start:X6}{(boot is null ? "" : $"; bootloader: {boot}")}";
    });

    public static readonly IReadOnlyList<JobStep> Write =
    [
        new("write", ctx =>
        {
            var data = Payload(ctx);
            ctx.WriteWithSafePoints(ctx.Request.Start!.Value, data, ctx.Request.AllowBootloader);
            return $"{data.Length} bytes";
        }),
        new("verify", ctx =>
        {
            ctx.VerifyRange(ctx.Request.Start!.Value, Payload(ctx));
            return "whole-range CRC matches";
        }),
    ];

    private static byte[] Payload(JobContext ctx)
    {
        var path = ctx.Request.WritePath!;
        if (!File.Exists(path)) throw new JobInputException($"{path}: no such file.");
        var info = new FileInfo(path);
        var length = ctx.Request.Length ?? (uint)Math.Min(info.Length, uint.MaxValue);
        if (length == 0) throw new JobInputException($"{path} is empty: nothing to write.");
        if (info.Length < length) throw new JobInputException($"{path} holds {info.Length} bytes, fewer than --length {length}.");
        if (length > ctx.Info.FlashSize) throw new JobRefusedException($"{path}: {length} bytes do not fit a {ctx.Info.FlashSize / 1024} KiB flash.");
        var data = new byte[length];
        using var f = File.OpenRead(path);
        f.ReadExactly(data);
        return data;
    }

    public static void CheckRange(JobContext ctx, uint start, uint length)
    {
        if (length == 0) throw new JobInputException("length 0: nothing to do.");
        if ((ulong)start + length > ctx.Info.FlashSize)
            throw new JobRefusedException($"0x{start:X6}+0x{length:X} runs past the end of the {ctx.Info.FlashSize / 1024} KiB flash (0x{ctx.Info.FlashSize:X6}). Nothing was sent.");
    }

    public static void CheckBootloader(JobContext ctx, uint start, bool allowBootloader)
    {
        var end = ctx.Profile.BootloaderSize;
        if (start < end && !allowBootloader)
            throw new JobRefusedException($"0x{start:X6} lies in the bootloader range 0x000000–0x{end:X6}; writing it can brick the chip. Nothing was sent. Start at 0x{end:X6} or pass --allow-bootloader if you really mean it.");
    }
}
