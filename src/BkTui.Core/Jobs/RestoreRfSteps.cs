using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Jobs;

/// <summary>
/// Restore RF: rewrite the RF calibration sector from this device's own archived dump (its real
/// calibration and MAC), or from the family template when none exists — the log says which.
/// </summary>
internal static class RestoreRfSteps
{
    public static readonly IReadOnlyList<JobStep> All =
    [
        new("pre-flight", ctx =>
        {
            var (sector, source) = Choose(ctx);
            return $"{source}, for 0x{ctx.Profile.RfOffset:X6}";
        }),
        CommonSteps.FactoryDumpFirst,
        new("write", ctx =>
        {
            var (sector, _) = Choose(ctx);
            ctx.WriteWithSafePoints(ctx.Profile.RfOffset, sector, allowBootloader: false);
            return $"RF sector at 0x{ctx.Profile.RfOffset:X6}";
        }),
        new("verify", ctx =>
        {
            ctx.VerifyRange(ctx.Profile.RfOffset, Choose(ctx).Sector);
            return "whole-range CRC matches";
        }),
    ];

    private static (byte[] Sector, string Source) Choose(JobContext ctx)
    {
        if (ctx.Items.TryGetValue("rf", out var chosen)) return ((byte[], string))chosen;
        var result = FromDump(ctx) ?? FromTemplate(ctx);
        ctx.Log($"RF source: {result.Source}");
        ctx.Items["rf"] = result;
        return result;
    }

    /// <summary>The dump named by --dump, else the newest dump of this MAC; its RF sector (at the family offset, else the last TLV sector, as GFT scans).</summary>
    private static (byte[] Sector, string Source)? FromDump(JobContext ctx)
    {
        ArchivedDump? dump = ctx.Request.DumpId is { } id
            ? ctx.GetDump(id)
            : ctx.LatestFullDump();
        if (dump is null) return null;
        var sector = RfSectorOf(dump.Bytes, ctx.Profile.RfOffset);
        if (sector is null)
        {
            if (ctx.Request.DumpId is not null) throw new JobRefusedException($"dump {dump.Id} holds no RF calibration (no TLV sector); nothing was written.");
            ctx.Log($"dump {dump.Id} holds no RF calibration; using the template");
            return null;
        }
        return (sector, $"this device's own dump {dump.Id}");
    }

    internal static byte[]? RfSectorOf(byte[] image, uint rfOffset)
    {
        const int size = 0x1000;
        if (rfOffset + size <= image.Length && RfCalibration.HasMagic(image.AsSpan((int)rfOffset, size)))
            return image.AsSpan((int)rfOffset, size).ToArray();
        for (var at = (image.Length / size - 1) * size; at >= 0; at -= size)
            if (RfCalibration.HasMagic(image.AsSpan(at, size))) return image.AsSpan(at, size).ToArray();
        return null;
    }

    private static (byte[] Sector, string Source) FromTemplate(JobContext ctx)
    {
        // Keep the chip's MAC when it has a real one; a placeholder gets the template's random tail.
        MacAddress? keep = MacAddress.TryParse(ctx.Mac, out var m) && !RfTemplate.IsPlaceholder(m) ? m : null;
        var sector = RfTemplate.Build(ctx.Info.Family, keep);
        var mac = MacAddress.FromBytes(sector.AsSpan(0x24, 6));
        return (sector, $"the {ctx.Info.Family} template (no archived dump of this device), MAC {mac}");
    }
}
