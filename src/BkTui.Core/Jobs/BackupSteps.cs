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
            var image = ctx.Image ?? throw new InvalidOperationException("nothing was read");
            ctx.VerifyRange(0, image);
            return $"whole-range CRC matches ({image.Length / 1024} KiB)";
        }),
        new("archive", ctx =>
        {
            var image = ctx.Image ?? throw new InvalidOperationException("nothing was read");
            ctx.DumpId = ctx.ArchiveDump(image, "");
            return $"dump {ctx.DumpId} under {ctx.Mac ?? "unidentified"}";
        }),
    ];

    /// <summary>The archived dump of this MAC a re-backup may read differentially against (same size only).</summary>
    public static ArchivedDump? BaseFor(JobContext ctx) => ctx.LatestFullDump();

    public static byte[] ReadWhole(JobContext ctx, bool differential)
    {
        var baseDump = differential ? BaseFor(ctx) : null;
        return ctx.Device.Read(0, ctx.Info.FlashSize, baseDump?.Bytes, ctx.StopToken);
    }
}
