using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Jobs;

/// <summary>Backup: read the whole flash (differential against this MAC's archived dump), verify, archive.</summary>
internal static class BackupSteps
{
    public static readonly IReadOnlyList<JobStep> All =
    [
        new("read", ctx =>
        {
            var baseDump = BaseFor(ctx);
            ctx.Image = ReadWhole(ctx, differential: true);
            return baseDump is null
                ? $"{ctx.Image.Length / 1024} KiB"
                : $"{ctx.Image.Length / 1024} KiB, differential against dump {baseDump.Id}";
        }),
        new("verify", ctx =>
        {
            // The read proved every sector by the chip's CRC and the whole range by joining them (a second
            // pass would only cost wire time); here the image is checked against what the chip said about itself.
            var image = ctx.Image ?? throw new InvalidOperationException("nothing was read");
            if (image.Length != ctx.Info.FlashSize)
                throw new JobVerifyException($"{ctx.Request.Port}: read {image.Length} bytes but the flash is {ctx.Info.FlashSize}; run the backup again.");
            if (ctx.Mac is { } mac && RestoreRfSteps.RfSectorOf(image, ctx.Profile.RfOffset) is { } rf
                && MacAddress.TryParse(mac, out var chipMac) && MacAddress.FromBytes(rf.AsSpan(0x24, 6)) != chipMac)
                throw new JobVerifyException($"{ctx.Request.Port}: the image's RF calibration at 0x{ctx.Profile.RfOffset:X6} names another MAC than the chip ({mac}); run the backup again.");
            return $"every sector and the joined whole-range CRC matched the chip; {image.Length / 1024} KiB, RF MAC agrees with the chip";
        }),
        new("archive", ctx =>
        {
            var image = ctx.Image ?? throw new InvalidOperationException("nothing was read");
            ctx.DumpId = ctx.ArchiveDump(image, "");
            return $"dump {ctx.DumpId} under {ctx.DeviceName}";
        }),
    ];

    /// <summary>The archived dump of this MAC a re-backup may read differentially against (same size only).</summary>
    public static ArchivedDump? BaseFor(JobContext ctx) => ctx.LatestFullDump();

    public static byte[] ReadWhole(JobContext ctx, bool differential)
    {
        var baseDump = differential ? BaseFor(ctx) : null;
        return ctx.Device.Read(0, ctx.Info.FlashSize, ctx.KnownBlocks(baseDump), ctx.StopToken);
    }
}
