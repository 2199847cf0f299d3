using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Simulator;
using BkTui.Tui.Bench;

namespace BkTui.Cli;

/// <summary>One virtual chip of the demo: its name (the port link's file name), family, key and MAC.</summary>
internal sealed record DemoChip(string Name, ChipFamily Family, EfuseKey Key, byte[]? Mac, string Story);

/// <summary>
/// The demo bench: three virtual chips on real ptys (wire model on, so progress is real), a
/// temporary archive (kept only when --archive was given) and an <see cref="EngineBench"/> over them.
/// </summary>
internal sealed class DemoBench : IDisposable
{
    /// <summary>A fast link (2 Mbaud) so a 2 MiB backup takes seconds while the wire model still paces it.</summary>
    public const int DemoBaud = 2_000_000;

    public static readonly IReadOnlyList<DemoChip> Chips =
    [
        new("bk7231n-plug", ChipFamily.BK7231N, EfuseKey.Tuya, null, "a Tuya smart plug (BK7231N, Tuya key)"),
        // The zero-key threads' device: RT-Thread bootloader, all-zero key, MAC ending 00:00 (needs Restore RF).
        new("bl2028n-zero-key", ChipFamily.BK7231M, EfuseKey.Zero, [0xC8, 0x47, 0x8C, 0x00, 0x00, 0x00], "a BK7231M / BL2028N pet fountain (zero key, RT-Thread bootloader)"),
        new("bk7231t-bulb", ChipFamily.BK7231T, EfuseKey.Tuya, null, "a Tuya bulb (BK7231T)"),
    ];

    private readonly List<SimHost> _sims = [];
    private readonly string _scratch;

    private DemoBench(string scratch, string archiveRoot)
    {
        _scratch = scratch;
        ArchiveRoot = archiveRoot;
        // A hang-up can leave Terminal.Gui's loop spinning on the dead tty; the terminal guard then
        // ends the process with Environment.Exit, past this bench's Dispose. The folder goes anyway.
        AppDomain.CurrentDomain.ProcessExit += DeleteScratch;
    }

    public string ArchiveRoot { get; }
    /// <summary>
    /// Why a job stopped by quitting cannot be resumed: the virtual ports are made anew each session
    /// (a retry would look for the old ones), and without --archive the archive goes too.
    /// </summary>
    public string NoResumeBecause => ArchiveIsTemporary
        ? "this demo's archive and virtual ports are deleted on exit" : "this demo's virtual ports are deleted on exit";

    /// <summary>Without --archive the archive lives in the scratch folder and goes with it.</summary>
    public bool ArchiveIsTemporary => ArchiveRoot.StartsWith(_scratch + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    public DumpArchive Archive { get; private set; } = null!;
    public EngineBench Bench { get; private set; } = null!;
    public IReadOnlyList<PortInfo> Ports { get; private set; } = [];
    /// <summary>OpenBeken-style builds for the demo's chips, so f has something to flash (deleted with the scratch folder).</summary>
    public IReadOnlyList<string> Firmware { get; private set; } = [];

    /// <summary>The virtual ports with who else holds them now (a flock or a terminal program on a demo port shows as busy).</summary>
    public IReadOnlyList<PortInfo> PortsNow() => PortHolders.Shown(_ => Ports);

    public static DemoBench Start(string? archiveOption, Action<string>? trace = null)
    {
        var scratch = Directory.CreateTempSubdirectory("bktui-demo-").FullName;
        var root = archiveOption is null ? Path.Combine(scratch, "archive") : Path.GetFullPath(archiveOption);
        var demo = new DemoBench(scratch, root);
        try
        {
            var portDir = Directory.CreateDirectory(Path.Combine(scratch, "ports")).FullName;
            var ports = new List<PortInfo>();
            foreach (var c in Chips)
            {
                var link = Path.Combine(portDir, c.Name);
                demo._sims.Add(SimHost.Start(new SimOptions
                {
                    Family = c.Family, EfuseKey = c.Key, Mac = c.Mac, WireModel = true, LinkPath = link,
                    Trace = trace is null ? null : line => trace($"{c.Name}: {line}"),
                }));
                ports.Add(new PortInfo(link, null, "pty", null, null, null, $"virtual {c.Family}: {c.Story}", false, null));
            }
            demo.Ports = ports;
            demo.Firmware = WriteFirmware(Directory.CreateDirectory(Path.Combine(scratch, "firmware")).FullName);
            Directory.CreateDirectory(root);
            demo.Archive = DumpArchive.Open(root);
            // Job logs live with the archive (kept with --archive, deleted with the temporary one).
            demo.Bench = new EngineBench(demo.Archive, demo.PortsNow, new ConnectOptions { Baud = DemoBaud },
                new JobQueueOptions { ResumeQueued = true });
            return demo;
        }
        catch
        {
            demo.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One synthetic QIO build per family of the demo (bootloader + app, as OpenBeken releases them),
    /// encrypted with that chip's key, so the flash checks accept it for the right chip only.
    /// </summary>
    private static List<string> WriteFirmware(string folder)
    {
        var files = new List<string>();
        foreach (var c in Chips.DistinctBy(c => c.Family))
        {
            var path = Path.Combine(folder, $"OpenBK{c.Family.ToString()[2..]}_QIO_demo.bin");
            var spec = new FlashImageSpec { Family = c.Family, Seed = 1700 + (int)c.Family, AppBanner = $"OpenBK{c.Family.ToString()[2..]} demo" };
            File.WriteAllBytes(path, FlashImageBuilder.Qio(spec, c.Key));
            files.Add(path);
        }
        return files;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= DeleteScratch;
        Bench?.Dispose();
        foreach (var s in _sims) s.Dispose();
        Archive?.Dispose();
        DeleteScratch(null, EventArgs.Empty);
    }

    /// <summary>The scratch folder holds the port links and, without --archive, the archive itself.</summary>
    private void DeleteScratch(object? sender, EventArgs e)
    {
        try { Directory.Delete(_scratch, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
