using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Protocol;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// Flash operations against the virtual chip's wire model over a real pty (<c>wire</c> case):
/// modelled time vs the wire floor (payload bytes × 10 / baud). The chip-side costs the model
/// charges beyond the wire (FlashRead4K set-up, CheckCRC at ~4 MB/s, erase, page programming) are
/// printed as "chip work": modelled time is exactly the wire time of every byte plus that work, so
/// the ratio to floor + chip work is what the host adds. Target (issue 14): a dense 2 MiB read
/// ≤ 1.02 × (floor + chip work) at 921,600, 1.5 M and 2 M, with one CRC pass (the chip work then
/// holds one fetch per sector and one CRC over the 2 MiB, nothing more).
/// </summary>
public static class WireBench
{
    private const int FlashSize = 0x200000;
    private const int AppLength = 1_100_000;
    private const string TypicalDump = "Allegro-Berge-MI0014-30-x-5-cm-Milio.bin";

    /// <summary>
    /// Host-side timeouts for a machine loaded by other builds: on the manual clock they change no
    /// modelled second, they only keep a slow reply from being taken for a lost one.
    /// </summary>
    internal static readonly ProtocolTimeouts LoadedMachine = new()
    {
        Command = TimeSpan.FromSeconds(5), Read4K = TimeSpan.FromSeconds(5), Write4K = TimeSpan.FromSeconds(5),
    };

    public static int Run()
    {
        Console.WriteLine("case                         baud       modelled   floor      ratio   notes");
        foreach (var baud in new[] { 921600, 1500000, 2000000 })
        {
            var full = new byte[FlashSize];
            new Random(1).NextBytes(full); // every sector used: nothing to skip
            Measure("backup 2 MiB (all used)", baud, full, s => s.Read(0, FlashSize), FlashSize, eraseAllowance: false, "target ≤ 1.02× floor + chip work");

            var app = new byte[AppLength];
            new Random(2).NextBytes(app);
            // The pre-check pass (skip matching sectors) and the one range CRC at the end (the verify).
            Measure("write+verify 1.1 MB app", baud, Typical(), s => s.Write(0x11000, app), AppLength, eraseAllowance: true, "(report)");

            Measure("backup typical dump (skip)", baud, Typical(), s => s.Read(0, FlashSize), FlashSize, eraseAllowance: false, "(under the floor)");
        }
        return 0;
    }

    private static void Measure(string name, int baud, byte[] image, Action<ChipSession> op, long payload, bool eraseAllowance, string target)
    {
        // A manual clock makes "modelled" exactly the wire model's time: bytes at 10 bit-times, flash and
        // CRC work as profiled; host and scheduler latency (2 shared cores) do not count.
        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = image, WireModel = true, Clock = new ManualSimClock() });
        using var port = SerialPort.Open(sim.PtyPath);
        using var session = ChipSession.Connect(port, new ConnectOptions { Baud = baud, BaudLadder = [baud], ReadMac = false, Timeouts = LoadedMachine });
        var t0 = sim.Chip.ModelledSeconds;
        var busy0 = sim.Chip.BusySeconds;
        var (chipIn0, chipOut0) = (sim.Chip.BytesReceived, sim.Chip.BytesSent);
        var (reads0, crcs0) = (session.Client.Reads4K, session.Client.Crcs);
        var wall = Stopwatch.StartNew();
        op(session);
        var modelled = sim.Chip.ModelledSeconds - t0;
        var floor = payload * 10.0 / baud;
        // Every modelled second is either a byte on the wire (one way at a time: the chip answers after
        // the request) or chip work; what exceeds the payload floor is framing plus that work.
        var chipWork = sim.Chip.BusySeconds - busy0;
        var onWire = (sim.Chip.BytesReceived - chipIn0 + sim.Chip.BytesSent - chipOut0) * 10.0 / baud;
        var timing = SimTiming.Default;
        var erase = session.Client.Erases4K * timing.Erase4K + session.Client.Erases64K * timing.Erase64K;
        var reference = eraseAllowance ? floor + erase : floor;
        var notes = eraseAllowance ? $"floor+erase {reference:0.00} s ({session.Client.Erases64K}×64K, {session.Client.Erases4K}×4K); " : "";
        notes += $"sent {session.Client.BytesSent / 1024} KiB, received {session.Client.BytesReceived / 1024} KiB, wall {wall.Elapsed.TotalSeconds:0.0} s";
        Console.WriteLine($"{name,-28} {baud,-10} {modelled,7:0.00} s  {floor,6:0.00} s  {modelled / reference,5:0.000}×  {notes}");
        Console.WriteLine($"{"",-28} {"",-10} = on the wire {onWire:0.00} s + chip work {chipWork:0.00} s (unaccounted {modelled - onWire - chipWork:0.000} s);" +
                          $" vs floor + chip work {modelled / (floor + chipWork):0.000}×  {target}");
        Console.WriteLine($"{"",-28} {"",-10} {session.Client.Reads4K - reads0} sectors read, {session.Client.Crcs - crcs0} CheckCRC requests");
    }

    /// <summary>A real BK7231N dump when ../shared/dumps is there, else the simulator's synthesized image.</summary>
    private static byte[] Typical()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "BkTui.sln"))) continue;
            // ../shared from a checkout, ../../shared from a worktree under wt/.
            foreach (var up in new[] { "..", Path.Combine("..", "..") })
            {
                var dump = Path.Combine(dir.FullName, up, "shared", "dumps", TypicalDump);
                if (File.Exists(dump)) { Console.WriteLine($"typical dump: {TypicalDump}"); return File.ReadAllBytes(dump); }
            }
            break;
        }
        Console.WriteLine("typical dump: ../shared/dumps absent, using the simulator's synthesized BK7231N image");
        return ImageSynthesizer.Create(ChipFamily.BK7231N);
    }
}
