using System.Collections.Immutable;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Simulator;
using BkTui.Tui.Keys;
using BkTui.Tui.Render;
using BkTui.Tui;
using BkTui.Tui.Bench;
using BkTui.Tui.Gui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>The workstation panes over a <see cref="FakeBench"/>, driven by actions with effects run inline.</summary>
public sealed class WorkstationHarness
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);
    private static byte[]? _image;

    public WorkstationHarness(int width = 80, int height = 24, ColorMode color = ColorMode.Ansi16, bool readOnly = false, FakeBench? bench = null)
        : this((IBench?)bench ?? Sample(), width, height, color, readOnly)
    {
    }

    /// <summary>Over any bench, e.g. the real <see cref="EngineBench"/> on virtual chips.</summary>
    public WorkstationHarness(IBench bench, int width = 80, int height = 24, ColorMode color = ColorMode.Ansi16, bool readOnly = false)
    {
        AnyBench = bench;
        Bell = new TerminalBell(() => { });
        Services = new TuiServices().Add<IBench>(bench).Add(Bell);
        App = new TuiApp(new TuiOptions { Color = color, ReadOnly = readOnly, Clock = () => Clock, Panes = PaneCatalog.Workstation() }, width, height);
        Dumps = new DumpPanes(color, Services, _posted.Enqueue);
        foreach (var a in BenchWiring.Initial(bench)) Do(a);
    }

    public IBench AnyBench { get; }
    public FakeBench Bench => (FakeBench)AnyBench;
    public TerminalBell Bell { get; }
    public TuiServices Services { get; }
    /// <summary>The real hex viewer and partition map (on a screen only when a golden snapshot shows them).</summary>
    public DumpPanes Dumps { get; }
    private readonly Queue<AppAction> _posted = new();
    public TuiApp App { get; }
    public AppState State => App.State;
    public List<Effect> Effects { get; } = [];

    public T Pane<T>(string id) => (T)State.Panes[id];

    /// <summary>The texts of every message shown so far, oldest first.</summary>
    public IReadOnlyList<string> Messages() => State.Messages.Select(m => m.Text).ToList();

    public WorkstationHarness Do(AppAction action)
    {
        _posted.Enqueue(action);
        var context = new EffectContext(_posted.Enqueue, Services, default);
        while (_posted.Count > 0)
        {
            foreach (var effect in App.Dispatch(_posted.Dequeue()))
            {
                Effects.Add(effect);
                if (effect is not SuspendEffect) effect.RunAsync(context).GetAwaiter().GetResult();
            }
        }
        return this;
    }

    public WorkstationHarness Press(params Key[] keys)
    {
        foreach (var k in keys) Do(new KeyPressed(k));
        return this;
    }

    public WorkstationHarness Press(string chars)
    {
        foreach (var c in chars) Do(new KeyPressed(Key.Ch(c)));
        return this;
    }

    public WorkstationHarness Focus(string paneId) => Do(new FocusPaneById(paneId));

    public string Screen()
    {
        var b = App.Compose();
        return string.Join("\n", Enumerable.Range(0, b.Height).Select(b.RowText));
    }

    /// <summary>The simulator's BK7231N image (a realistic 2 MiB dump), made once.</summary>
    public static byte[] Image => _image ??= ImageSynthesizer.Create(ChipFamily.BK7231N);

    public const string PlugPort = "/tmp/bkdemo/bk7231n-plug";
    public const string BulbPort = "/tmp/bkdemo/bk7231t-bulb";
    public const string PlugMac = "38:1F:8D:5A:10:02";
    /// <summary>The plug's row in the archive's devices table (not the unidentified bucket, row 1).</summary>
    public const long PlugDeviceId = 10;

    /// <summary>Two ports, a device with two dumps, one finished and one running job.</summary>
    public static FakeBench Sample()
    {
        var b = new FakeBench();
        b.PortList.Add(new PortInfo(PlugPort, null, "pty", null, null, null, "virtual BK7231N", false, null));
        b.PortList.Add(new PortInfo(BulbPort, null, "pty", null, null, null, "virtual BK7231T", false, null));
        b.DeviceList.Add(new DeviceRecord(PlugDeviceId, PlugMac, "BK7231N", "0x7231c", "0xEB6015", null, "tuya", "BK7231N 1.0.1", ["plug"], "",
            Clock.AddDays(-2), Clock.AddMinutes(-3), 2, 2, new Dictionary<string, int> { [PlugPort] = 921600 }));
        b.DumpList.Add(new DumpSummary(1, "aa", 0x200000, PlugMac, Clock.AddDays(-2), Clock.AddDays(-2), DumpSource.FromPort(PlugPort), 7, "A", "BK7231N", "factory", 0) { DeviceId = PlugDeviceId });
        b.DumpList.Add(new DumpSummary(2, "bb", 0x200000, PlugMac, Clock.AddMinutes(-3), Clock.AddMinutes(-3), DumpSource.FromPort(PlugPort), 9, "A", "BK7231N", "", 0) { DeviceId = PlugDeviceId });
        var image = Image;
        var changed = (byte[])image.Clone();
        changed[0x1D0000 + 0x30] ^= 0xFF;
        b.Bytes[1] = image;
        b.Bytes[2] = changed;
        b.JobList.Add(new JobSnapshot
        {
            Id = 7, Request = new JobRequest { Port = PlugPort, Recipe = Recipe.Backup }, State = JobState.Done, DumpId = 1, Mac = PlugMac, Chip = "BK7231N",
            Steps = [new StepReport("identify", StepState.Done), new StepReport("read flash", StepState.Done, "2 MiB, 12 blocks erased"), new StepReport("archive", StepState.Done)],
        });
        b.JobList.Add(new JobSnapshot
        {
            Id = 8, Request = new JobRequest { Port = BulbPort, Recipe = Recipe.Backup }, State = JobState.Running, Chip = "BK7231T", Retries = 1,
            Progress = new JobProgress("read", 0x90000, 0x200000, 88 * 1024, TimeSpan.FromSeconds(16)),
            Steps = [new StepReport("identify", StepState.Done), new StepReport("read flash", StepState.Running)],
        });
        return b;
    }
}
