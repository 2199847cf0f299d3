using BkTui.Core.Identity;
using BkTui.Core.Monitor;

namespace BkTui.Core.Jobs;

/// <summary>
/// The last step of every writing recipe: reboot into the firmware, listen for its boot log for a
/// bounded time and report what was heard — never "runs the new firmware" without hearing it. A real
/// MAC printed by the device's original firmware becomes its boot-log-mac identity (docs/identity.md).
/// </summary>
public static class RebootSteps
{
    /// <summary>The progress phase while the boot log is listened for (its Done/Total are milliseconds of the window).</summary>
    public const string ListeningPhase = "listening";

    public static readonly JobStep RebootAndListen = new("reboot", ctx =>
    {
        var options = new BootListenOptions
        {
            LogPort = ctx.Request.LogPort,
            Duration = ctx.Request.BootListenSeconds is { } s ? TimeSpan.FromSeconds(s) : BootListenOptions.DefaultDuration,
        };
        // The listening window as the step's progress: a bar that fills and the seconds left, not an empty 0 % for 12 s.
        var window = (long)options.Duration.TotalMilliseconds;
        options = options with { Listening = spent => ctx.Progress(ListeningPhase, Math.Min((long)spent.TotalMilliseconds, window), window) };
        ctx.Log($"rebooting; listening for the boot log on {options.LogPort ?? ctx.Request.Port} at {options.Baud} baud for up to {options.Duration.TotalSeconds:0.#} s");
        var proof = ctx.Device.RebootAndListen(options, ctx.StopToken);
        // Before the link goes: the device's identity is read from the chip's facts.
        var identity = DeviceKey.FromMac(OriginalFirmware.MacOf(proof), IdentityEvidence.BootLogMac) is { } heard
            ? ctx.RecordBootLogMac(heard, proof.Firmware!) : null;
        ctx.Disconnect(); // the session is spent once the chip runs its firmware
        ctx.BootProof = proof;
        foreach (var line in proof.Heard) ctx.Log($"boot log: {line}");
        ctx.Log($"boot check: {proof.Verdict}: {proof.Message}");
        if (proof.DoesNotRun) throw new JobBootException(proof, $"{ctx.Request.Port}: written and verified, but {proof.Message}. {Recovery(ctx)}");
        return identity is null ? proof.Message : $"{proof.Message}; {identity}";
    }) { Retryable = false };

    private static string Recovery(JobContext ctx) => ctx.DumpId is { } dump
        ? $"Put the device back as it was with `bktui run restore-factory --port {ctx.Request.Port} --dump {dump}`."
        : "Write an image built for this chip's family and key.";
}
