using BkTui.Core.Compatibility;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;

namespace BkTui.Core.Jobs;

/// <summary>Restore factory: write an archived dump of this MAC back; the bootloader only with explicit consent.</summary>
internal static class RestoreFactorySteps
{
    public static readonly IReadOnlyList<JobStep> All =
    [
        new("pre-flight", ctx =>
        {
            var dump = Load(ctx);
            var written = $"dump {dump.Id} ({dump.Bytes.Length / 1024} KiB) from 0x{Start(ctx):X6}";
            if (!ctx.Request.AllowBootloader) return written + ", bootloader kept";
            // --allow-bootloader is the CLI's consent: the step line names what it consented to (the TUI asked with the same words).
            var boot = BootloaderWording.AtZero(DumpAnalyzer.Analyze(dump.Bytes));
            return $"{written}, bootloader included: {boot}";
        }),
        new("write", ctx =>
        {
            var dump = Load(ctx);
            var start = Start(ctx);
            ctx.WriteWithSafePoints(start, dump.Bytes[(int)start..], ctx.Request.AllowBootloader);
            ctx.DumpId = dump.Id;
            return $"{(dump.Bytes.Length - start) / 1024} KiB";
        }),
        new("verify", ctx =>
        {
            var dump = Load(ctx);
            var start = Start(ctx);
            ctx.VerifyRange(start, dump.Bytes.AsSpan((int)start));
            return "whole-range CRC matches";
        }),
    ];

    private static uint Start(JobContext ctx) => ctx.Request.AllowBootloader ? 0 : ctx.Profile.BootloaderSize;

    private static ArchivedDump Load(JobContext ctx)
    {
        var id = ctx.Request.DumpId!.Value;
        var dump = ctx.GetDump(id);
        if (dump.Bytes.Length != ctx.Info.FlashSize)
            throw new JobRefusedException($"dump {id} is {dump.Bytes.Length / 1024} KiB but the chip's flash is {ctx.Info.FlashSize / 1024} KiB. Nothing was written.");
        if (ctx.Mac is { } mac && dump.Mac is { } dumpMac && !string.Equals(mac, dumpMac, StringComparison.OrdinalIgnoreCase))
            throw new JobRefusedException($"dump {id} belongs to {dumpMac}, but this chip is {mac}. Nothing was written; pick a dump of {mac}.");
        if (ctx.Mac is null)
            ctx.Log($"the chip reports no MAC (RF calibration missing?): cannot confirm dump {id} is this device's; writing as asked");
        if (!ctx.Items.ContainsKey("gate"))
        {
            // The device's own dump: a family it does not name is no reason to stop, but a dump of another silicon or key is.
            var verdict = CompatibilityGate.Check(ctx.Info, dump.Bytes, FirmwareInspector.Inspect(dump.Bytes), new CompatibilityConsent { AllowUnknownFamily = true }, $"dump {id}");
            ctx.Compatibility = verdict;
            ctx.Items["gate"] = verdict;
            ctx.Log($"compatibility: {verdict.Status.ToString().ToLowerInvariant()} — {verdict.Text}");
            if (!verdict.MayWrite) throw new JobRefusedException(string.Join(" ", verdict.Blocking.Select(f => f.Text)));
        }
        return dump;
    }
}
