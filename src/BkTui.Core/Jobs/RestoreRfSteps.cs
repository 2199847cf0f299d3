using BkTui.Core.Formats.Rf;
using BkTui.Core.Identity;

namespace BkTui.Core.Jobs;

/// <summary>Words of Restore RF's refusals that a shell reacts to (the TUI then asks for the MAC).</summary>
public static class RestoreRfText
{
    public const string NoTrueMac = "no true MAC is known for this device";
}

/// <summary>
/// Restore RF (docs/identity.md): the device's own calibration from anywhere in its archived history,
/// else the family template (generic, said plainly), always with the device's true MAC (its own,
/// `--mac`, or refused); MAC before and after shown, read back, and (after the reboot step) confirmed
/// from the boot log.
/// </summary>
internal static class RestoreRfSteps
{
    public static readonly IReadOnlyList<JobStep> All =
    [
        // The factory dump comes first: for a chip with a placeholder MAC, its own bytes are what may identify it.
        CommonSteps.FactoryDumpFirst,
        new("pre-flight", ctx => Plan(ctx).Summary),
        new("write", ctx =>
        {
            var plan = Plan(ctx);
            ctx.ExpectMac(plan.Mac.Mac.ToString());
            ctx.WriteWithSafePoints(ctx.Profile.RfOffset, plan.Sector, allowBootloader: false);
            return $"RF sector at 0x{ctx.Profile.RfOffset:X6}: MAC {plan.MacBefore} → {plan.Mac.Mac}";
        }),
        new("verify", ctx =>
        {
            var plan = Plan(ctx);
            var back = ctx.Device.Read(ctx.Profile.RfOffset, RfCalibration.SectorSize, null, ctx.StopToken);
            if (!back.AsSpan().SequenceEqual(plan.Sector))
                throw new JobVerifyException($"{ctx.Request.Port}: the RF sector read back at 0x{ctx.Profile.RfOffset:X6} differs from what was written; run restore-rf again.");
            var mac = RfCalibration.TryParse(back)?.Mac;
            if (mac is { } written) ctx.MacChanged(written.ToString());
            if (DeviceKey.FromMac(mac?.ToString(), plan.Mac.FromUser ? IdentityEvidence.UserMac : IdentityEvidence.RfMac) is { } key)
                ctx.RecordEvidence(key);
            return $"read back 4 KiB at 0x{ctx.Profile.RfOffset:X6}: identical, MAC {mac}";
        }),
    ];

    /// <summary>
    /// After the reboot step (<see cref="RebootSteps"/>): the MAC the firmware printed must be the one
    /// written. No MAC heard: said plainly, not claimed.
    /// </summary>
    public static readonly JobStep ConfirmMac = new("confirm MAC", ctx =>
    {
        var plan = Plan(ctx); // from the earlier steps: the chip is rebooted and not linked any more
        var expected = plan.Mac.Mac.ToString();
        if (ctx.BootProof?.Mac is not { } seen)
        {
            ctx.Log($"warning: the boot log printed no MAC ({ctx.BootProof?.Message ?? "not listened"}); the MAC after the reboot is not confirmed");
            return $"the MAC after the reboot is NOT confirmed (written and read back: {expected}); the boot log printed none";
        }
        if (seen != expected)
            throw new JobVerifyException($"{ctx.Request.Port}: after the reboot the firmware reports MAC {seen}, not {expected}: it does not read its RF calibration at 0x{plan.Offset:X6}. Check the chip family; the sector written there is verified.");
        return $"after the reboot the firmware reports MAC {seen}";
    }) { Retryable = false, NeedsChip = false };

    private sealed record RfPlan(byte[] Sector, uint Offset, string MacBefore, RfMacChoice Mac, string Summary);

    private static RfPlan Plan(JobContext ctx)
    {
        if (ctx.Items.TryGetValue("rf", out var chosen)) return (RfPlan)chosen;
        var rf = ctx.Profile.RfOffset;
        var before = DescribeMac(ctx.Device.Read(rf, RfCalibration.SectorSize, null, ctx.StopToken));
        var (calibration, source) = OwnCalibration(ctx);
        var mac = RfMacChoice.Choose(ctx, calibration) ?? throw new JobRefusedException(
            $"{RestoreRfText.NoTrueMac} (its RF sector holds {before}; no archived dump of it has a real one). " +
            "Pass --mac AA:BB:CC:DD:EE:FF: the MAC on the module's label, in your router's client list, or the 'mac …' line of the original firmware's boot log. " +
            "Or --mac random for a made-up one. Nothing was written.");
        if (DeviceKey.FromMac(mac.Mac.ToString(), IdentityEvidence.UserMac) is { } key && ctx.OtherDeviceWith(key) is { } other)
        {
            if (!ctx.Request.ForceMac)
                throw new JobRefusedException($"MAC {mac.Mac} belongs to another archived device ({other.Name}, {other.DumpCount} dump(s)): two devices with one MAC confuse routers and the archive. " +
                    "Give this device its own MAC, or add --force-mac if it really is that device. Nothing was written.");
            ctx.Log($"warning: --force-mac: writing MAC {mac.Mac}, which the archive holds for {other.Name}");
        }
        var sector = calibration is null ? RfTemplate.Build(ctx.Info.Family, mac.Mac) : RfCalibration.WithMac(calibration, mac.Mac);
        ctx.Log($"RF source: {source}; MAC {before} → {mac.Mac} ({mac.Source})");
        var generic = calibration is null || RfTemplate.IsGeneric(calibration);
        if (generic)
            ctx.Log($"warning: the {ctx.Info.Family} template's calibration is generic, not measured on this board: users report weaker Wi-Fi after a template restore. " +
                "A backup of this device's own RF sector, if one ever turns up, is better (import it, then run restore-rf again).");
        var plan = new RfPlan(sector, rf, before, mac, $"{source}, MAC {before} → {mac.Mac} ({mac.Source}), for 0x{rf:X6}" +
            (generic ? "; generic calibration: users report weaker Wi-Fi after a template restore" : ""));
        ctx.Items["rf"] = plan;
        return plan;
    }

    /// <summary>
    /// The calibration to keep: from --dump (refused when it holds none), else the newest one measured on
    /// this board anywhere in its archived history; null: none exists, the template will be used.
    /// </summary>
    private static (byte[]? Sector, string Source) OwnCalibration(JobContext ctx)
    {
        if (ctx.Request.DumpId is { } id)
        {
            var dump = ctx.GetDump(id);
            var sector = RfSectorOf(dump.Bytes, ctx.Profile.RfOffset)
                ?? throw new JobRefusedException($"dump {id} holds no RF calibration (no TLV sector); nothing was written.");
            return (sector, RfTemplate.IsGeneric(sector) ? $"dump {id} (a generic template calibration)" : $"this device's own dump {id}");
        }
        foreach (var dump in ctx.ArchivedHistory())
            if (RfSectorOf(dump.Bytes, ctx.Profile.RfOffset) is { } sector && !RfTemplate.IsGeneric(sector))
                return (sector, $"this device's own calibration from dump {dump.Id}");
        return (null, $"the {ctx.Info.Family} template (no calibration of this device in its archived history)");
    }

    private static string DescribeMac(byte[] sector) => RfCalibration.TryParse(sector)?.Mac is { } m
        ? PlaceholderMac.Why(m) is { } why ? $"{m} (placeholder: {why})" : m.ToString()
        : "none (no calibration)";

    internal static byte[]? RfSectorOf(byte[] image, uint rfOffset)
    {
        const int size = 0x1000;
        if (rfOffset + size <= image.Length && RfCalibration.HasMagic(image.AsSpan((int)rfOffset, size)))
            return image.AsSpan((int)rfOffset, size).ToArray();
        for (var at = (image.Length / size - 1) * size; at >= 0; at -= size)
            if (RfCalibration.HasMagic(image.AsSpan(at, size))) return image.AsSpan(at, size).ToArray();
        return null;
    }
}
