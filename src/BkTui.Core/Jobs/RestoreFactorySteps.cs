using BkTui.Core.Archive;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Identity;

namespace BkTui.Core.Jobs;

/// <summary>Restore factory: write an archived dump of this MAC back; the bootloader only with explicit consent.</summary>
internal static class RestoreFactorySteps
{
    /// <summary>Size, MAC and compatibility, before the factory dump of the chip's present flash is taken.</summary>
    public static readonly JobStep PreFlight = new("pre-flight", ctx =>
    {
        var dump = Load(ctx);
        var written = $"dump {dump.Id} ({dump.Bytes.Length / 1024} KiB) from 0x{Start(ctx):X6}";
        if (KeptRf(ctx, dump) is { } rf)
        {
            written += $", RF calibration at 0x{rf:X6} kept (the dump holds none; the chip's own stays)";
            ctx.Log($"dump {dump.Id} has no RF calibration at 0x{rf:X6}: the chip's own (MAC {ctx.Mac}) is kept, not erased");
        }
        if (!ctx.Request.AllowBootloader) return written + ", bootloader kept";
        // --allow-bootloader is the CLI's consent: the step line names what it consented to (the TUI asked with the same words).
        var boot = BootloaderWording.AtZero(DumpAnalyzer.Analyze(dump.Bytes));
        return $"{written}, bootloader included: {boot}";
    });

    /// <summary>
    /// Whose dump goes back, judged before a byte is written (its own step: a refusal here is no
    /// half-written chip). A chip's real MAC settles it (<see cref="Load"/> compared it); otherwise the
    /// device the chip's keys name (its MAC, or the Tuya uuid in the factory dump just taken) must be the
    /// dump's, or the user names the dump's device with --confirm-device. Written with another board's dump a
    /// chip takes that board's MAC, RF tuning and Tuya identity, and its own dumps are refused from then on.
    /// </summary>
    public static readonly JobStep ConfirmBoard = new("confirm board", ctx => ConfirmSameBoard(ctx, Load(ctx))) { Retryable = false, NeedsChip = false };

    public static readonly IReadOnlyList<JobStep> Write =
    [
        new("write", ctx =>
        {
            var dump = Load(ctx);
            long bytes = 0;
            foreach (var (from, to) in Ranges(ctx, dump))
            {
                ctx.WriteWithSafePoints(from, dump.Bytes[(int)from..(int)to], ctx.Request.AllowBootloader);
                bytes += to - from;
            }
            ctx.DumpId = dump.Id;
            return $"{bytes / 1024} KiB";
        }),
        new("verify", ctx =>
        {
            var dump = Load(ctx);
            foreach (var (from, to) in Ranges(ctx, dump)) ctx.VerifyRange(from, dump.Bytes.AsSpan((int)from, (int)(to - from)));
            return "whole-range CRC matches";
        }),
    ];

    /// <summary>
    /// The chip's RF sector is left alone when the dump has no calibration there (a dump of the board
    /// taken while its RF was wiped) but the chip has one now: restoring must not erase its MAC and
    /// tuning (re-check s9 N1). A dump with a calibration writes it, as it always did.
    /// </summary>
    private static uint? KeptRf(JobContext ctx, ArchivedDump dump)
    {
        var rf = ctx.Profile.RfOffset;
        if (ctx.Mac is null || rf == 0 || rf + (ulong)Formats.Rf.RfCalibration.SectorSize > (ulong)dump.Bytes.Length) return null;
        return Formats.Rf.RfCalibration.HasMagic(dump.Bytes.AsSpan((int)rf, Formats.Rf.RfCalibration.SectorSize)) ? null : rf;
    }

    /// <summary>What is written back: from the start (0x0 or past the bootloader) to the end, around a kept RF sector.</summary>
    private static IEnumerable<(uint From, uint To)> Ranges(JobContext ctx, ArchivedDump dump)
    {
        var (start, end) = (Start(ctx), (uint)dump.Bytes.Length);
        if (KeptRf(ctx, dump) is not { } rf || rf < start) { yield return (start, end); yield break; }
        yield return (start, rf);
        var after = rf + (uint)Formats.Rf.RfCalibration.SectorSize;
        if (after < end) yield return (after, end);
    }

    /// <summary>The word --confirm-device takes for a dump in the unidentified bucket (it has no MAC to type).</summary>
    public const string UnidentifiedWord = "unidentified";

    private static string ConfirmSameBoard(JobContext ctx, ArchivedDump dump)
    {
        var mac = RealMac(ctx);
        if (mac is not null && dump.Mac is not null) return $"MAC {mac}, as dump {dump.Id}'s device";
        var owner = ctx.DeviceOfDump(dump.Id) is { IsUnidentified: false } o ? o : null;
        var chip = ctx.ArchivedDevice();
        if (owner is not null && chip?.Id == owner.Id) return $"its {(mac is null ? "own flash (" + ctx.DeviceKeys[0].Shown + ")" : "MAC")} names {owner.Name}, dump {dump.Id}'s device";
        var expected = owner is null ? UnidentifiedWord : owner.Mac ?? owner.Name;
        var typed = ctx.Request.ConfirmedDevice?.Trim();
        if (typed is not null && (string.Equals(MacText.Normalize(typed) ?? typed, expected, StringComparison.OrdinalIgnoreCase)))
        {
            ctx.Log($"confirmed by the user (--confirm-device {typed}): this board is dump {dump.Id}'s device {expected}" + (chip is null ? "" : $", though it is archived as {chip.Name}"));
            return $"confirmed by the user: this board is {expected}";
        }
        // The demo's zero-key board and the seeds' pet fountain: no MAC, no Tuya storage, only unidentified dumps. Nothing to mistake.
        if (owner is null && mac is null && chip is null)
        {
            ctx.Log($"the chip reports no real MAC and dump {dump.Id} is in the unidentified bucket: nothing to check it by; writing as asked");
            return $"no identity on either side (no real MAC, dump {dump.Id} unidentified)";
        }
        var taken = ctx.DumpId is { } d && d != dump.Id ? $" (the chip's flash as it is now is archived as dump {d})" : "";
        var confirm = $"If this board really is {expected} (check the MAC on its module or label), run it again with --confirm-device {expected} " +
                      "(in the workstation: the `:run restore-factory` line).";
        throw new JobRefusedException((owner, chip) switch
        {
            (null, _) => $"dump {dump.Id} is in the unidentified bucket (no MAC, no Tuya identity) but this chip is {chip?.Name ?? mac}: its RF calibration and identity would be replaced. " +
                         $"Nothing was written{taken}. {confirm}",
            (_, not null) => $"dump {dump.Id} belongs to {owner.Name}, but this chip is {chip.Name}{(mac is null ? $" by its own flash ({ctx.DeviceKeys[0].Shown})" : "")}. " +
                              $"Nothing was written{taken}; pick a dump of {chip.Name}. {confirm}",
            _ => $"this chip reports no real MAC (its RF calibration is blank or damaged) and its own flash names no archived device, so nothing shows " +
                 $"dump {dump.Id} ({owner.Name}) is this board's; another board's dump would give it that board's MAC and Tuya identity. Nothing was written{taken}. {confirm}",
        });
    }

    /// <summary>The chip's MAC when it is a real one (not missing, not a placeholder).</summary>
    private static string? RealMac(JobContext ctx) => DeviceKey.FromMac(ctx.Mac, IdentityEvidence.RfMac)?.Mac;

    private static uint Start(JobContext ctx) => ctx.Request.AllowBootloader ? 0 : ctx.Profile.BootloaderSize;

    private static ArchivedDump Load(JobContext ctx)
    {
        var id = ctx.Request.DumpId!.Value;
        var dump = ctx.GetDump(id);
        if (dump.Bytes.Length != ctx.Info.FlashSize)
            throw new JobRefusedException($"dump {id} is {dump.Bytes.Length / 1024} KiB but the chip's flash is {ctx.Info.FlashSize / 1024} KiB. Nothing was written.");
        // A placeholder MAC names no device: such a chip is judged by ConfirmBoard, not refused here.
        if (RealMac(ctx) is { } mac && dump.Mac is { } dumpMac && !string.Equals(mac, dumpMac, StringComparison.OrdinalIgnoreCase))
            throw new JobRefusedException($"dump {id} belongs to {dumpMac}, but this chip is {mac}. Nothing was written; pick a dump of {mac}.");
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
