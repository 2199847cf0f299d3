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
        if (!ctx.Request.AllowBootloader) return written + ", bootloader kept";
        // --allow-bootloader is the CLI's consent: the step line names what it consented to (the TUI asked with the same words).
        var boot = BootloaderWording.AtZero(DumpAnalyzer.Analyze(dump.Bytes));
        return $"{written}, bootloader included: {boot}";
    });

    public static readonly IReadOnlyList<JobStep> Write =
    [
        new("write", ctx =>
        {
            var dump = Load(ctx);
            ConfirmSameBoard(ctx, dump);
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

    /// <summary>
    /// A chip without its real MAC (blank or damaged RF) cannot be told from another board by it. Written
    /// with another board's dump it would take that board's MAC and Tuya identity, and its own dumps would
    /// then be refused. So its own flash decides (the factory dump just taken names a device by its Tuya or
    /// OpenBeken keys), else the user confirms by typing the dump's device.
    /// </summary>
    private static void ConfirmSameBoard(JobContext ctx, ArchivedDump dump)
    {
        if (DeviceKey.FromMac(ctx.Mac, IdentityEvidence.RfMac) is not null) return; // the MAC check in Load decided
        var owner = ctx.DeviceOfDump(dump.Id);
        if (owner is null || owner.IsUnidentified)
        {
            ctx.Log($"the chip reports no real MAC and dump {dump.Id} names no device: nothing to confirm it by; writing as asked");
            return;
        }
        var typed = ctx.Request.ConfirmedDevice?.Trim();
        var confirmed = typed is not null && (string.Equals(MacText.Normalize(typed), owner.Mac, StringComparison.OrdinalIgnoreCase)
                                              || string.Equals(typed, owner.Name, StringComparison.OrdinalIgnoreCase));
        var chip = ctx.ArchivedDevice();
        if (chip?.Id == owner.Id)
        {
            ctx.Log($"the chip reports no real MAC; its own flash ({ctx.DeviceKeys[0].Shown}) names {owner.Name}, the device of dump {dump.Id}");
            return;
        }
        if (confirmed)
        {
            ctx.Log($"confirmed by the user (--confirm-device {typed}): this board is {owner.Name}" +
                    (chip is null ? "" : $", though its own flash names {chip.Name}"));
            return;
        }
        var taken = ctx.DumpId is { } d && d != dump.Id ? $" (its flash as it is now is archived as dump {d})" : "";
        throw new JobRefusedException(chip is not null
            ? $"dump {dump.Id} belongs to {owner.Name}, but this chip's own flash ({ctx.DeviceKeys[0].Shown}) names {chip.Name}. " +
              $"Nothing was written{taken}; pick a dump of {chip.Name}, or, if this board really is {owner.Name}, confirm with --confirm-device {owner.Name}."
            : $"this chip reports no real MAC (its RF calibration is blank or damaged) and its own flash names no archived device, so nothing shows " +
              $"dump {dump.Id} ({owner.Name}) is this board's; another board's dump would give it that board's MAC and Tuya identity. " +
              $"Nothing was written{taken}. If this board is {owner.Name}, confirm with --confirm-device {owner.Name}.");
    }

    private static uint Start(JobContext ctx) => ctx.Request.AllowBootloader ? 0 : ctx.Profile.BootloaderSize;

    private static ArchivedDump Load(JobContext ctx)
    {
        var id = ctx.Request.DumpId!.Value;
        var dump = ctx.GetDump(id);
        if (dump.Bytes.Length != ctx.Info.FlashSize)
            throw new JobRefusedException($"dump {id} is {dump.Bytes.Length / 1024} KiB but the chip's flash is {ctx.Info.FlashSize / 1024} KiB. Nothing was written.");
        if (ctx.Mac is { } mac && dump.Mac is { } dumpMac && !string.Equals(mac, dumpMac, StringComparison.OrdinalIgnoreCase))
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
