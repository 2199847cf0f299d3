using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Tui.Bench;

/// <summary>
/// What the workstation panes need from the engine: ports, the queue, the archive, identify and the
/// boot-log monitor. One seam (in <see cref="State.TuiServices"/>) so panes stay thin shells and tests
/// can drive them with a fake; <see cref="EngineBench"/> is the real one. Calls block (effects run
/// them off the UI thread).
/// </summary>
public interface IBench
{
    /// <summary>Raised on engine threads for every job change (the launcher posts it to the loop).</summary>
    event Action<JobEvent>? JobChanged;

    IReadOnlyList<PortInfo> Ports();
    IReadOnlyList<JobSnapshot> Jobs();
    JobSnapshot Enqueue(JobRequest request);
    bool Cancel(long jobId);
    JobSnapshot Retry(long jobId);

    IReadOnlyList<DeviceRecord> Devices();
    IReadOnlyList<DumpSummary> Dumps();
    byte[] DumpBytes(long dumpId);
    void LabelDump(long dumpId, string label);
    /// <summary>Names a device (its MAC or identity key); the name is shown before the MAC.</summary>
    void NameDevice(string device, string name);

    /// <summary>Links the chip on <paramref name="port"/>, identifies it, and lets it go.</summary>
    ChipInfo Identify(string port, CancellationToken cancel);

    /// <summary>The build the flash recipe would take for <paramref name="family"/> and <paramref name="version"/> (the engine's cache lookup), or null.</summary>
    Core.Firmware.CachedFirmware? CachedBuild(Core.Chips.ChipFamily family, string version);

    /// <summary>Starts listening to <paramref name="port"/>'s boot log at 115200.</summary>
    IDisposable Monitor(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?> onStopped);
}

/// <summary>Pure helper shared by panes: the analysis of dump bytes (formats' DumpAnalyzer).</summary>
public static class BenchAnalysis
{
    public static DumpReport Analyze(byte[] bytes) => Core.Formats.DumpAnalyzer.Analyze(bytes);
}
