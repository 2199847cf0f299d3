using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui;

/// <summary>Pins the keymap: which key does what, where. Changing a binding must change this table.</summary>
public class KeymapTests
{
    public static TheoryData<string, string, AppAction> Pinned => new()
    {
        { "hex", "?", new ShowHelp() },
        { "hex", "F1", new ShowHelp() },
        { "hex", ":", new OpenCommandLine() },
        { "hex", "/", new OpenSearch() },
        { "hex", "Tab", new FocusNext() },
        { "hex", "Shift+Tab", new FocusPrevious() },
        { "hex", "2", new FocusPane(2) },
        { "hex", "q", new Quit() },
        { "hex", "Ctrl+C", new Quit() },
        { "hex", "Ctrl+L", new Redraw() },
        { "hex", "Ctrl+Z", new Suspend() },
        { "hex", "z", new ToggleZoom() },
        { "hex", "Down", new HexMove(Rows: 1) },
        { "hex", "j", new HexMove(Rows: 1) },
        { "hex", "Up", new HexMove(Rows: -1) },
        { "hex", "Right", new HexMove(Bytes: 1) },
        { "hex", "h", new HexMove(Bytes: -1) },
        { "hex", "PgDn", new HexMove(Pages: 1) },
        { "hex", "PgUp", new HexMove(Pages: -1) },
        { "hex", "Home", new HexHome() },
        { "hex", "G", new HexEnd() },
        { "hex", "]", new HexJumpPartition(1) },
        { "hex", "[", new HexJumpPartition(-1) },
        { "hex", "n", new HexFindNext(1) },
        { "hex", "N", new HexFindNext(-1) },
        { "hex", "m", new HexToggleBookmark() },
        { "hex", "b", new HexJumpBookmark(1) },
        { "log", "PgUp", new LogPage(1) },
        { "log", "End", new LogFollow() },
        { "log", "g", new LogScroll(int.MaxValue) },
        { "log", "q", new Quit() },
    };

    private static Key Parse(string name) => name switch
    {
        "Tab" => Key.Of(KeyCode.Tab),
        "Shift+Tab" => Key.Of(KeyCode.Tab, KeyMods.Shift),
        "F1" => Key.Of(KeyCode.F1),
        "Down" => Key.Of(KeyCode.Down),
        "Up" => Key.Of(KeyCode.Up),
        "Right" => Key.Of(KeyCode.Right),
        "PgDn" => Key.Of(KeyCode.PageDown),
        "PgUp" => Key.Of(KeyCode.PageUp),
        "Home" => Key.Of(KeyCode.Home),
        "End" => Key.Of(KeyCode.End),
        _ when name.StartsWith("Ctrl+") => Key.Ctrl(name[5]),
        _ => Key.Ch(name[0]),
    };

    [Theory, MemberData(nameof(Pinned))]
    public void Resolve_KeyInPane_GivesPinnedAction(string pane, string key, AppAction expected)
    {
        var t = new TuiHarness().Do(new FocusPaneById(pane));
        Assert.Equal(expected, t.App.Keymap.Resolve(Parse(key), t.State));
    }

    [Fact]
    public void Keymap_NoKeyBoundTwiceInOneContext()
    {
        var keymap = new TuiHarness().App.Keymap;
        var dupes = keymap.Bindings.SelectMany(b => b.Keys.Select(k => (b.Context, k))).GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(dupes);
    }

    [Fact]
    public void Overlay_TakesKeysFirst()
    {
        var t = new TuiHarness().Press(Key.Ch('?'));
        Assert.Equal(new CloseOverlay(), t.App.Keymap.Resolve(Key.Ch('q'), t.State));
        t.Press(Key.Ch('q')).Press(Key.Ch(':'));
        Assert.Equal(new PromptInput('q'), t.App.Keymap.Resolve(Key.Ch('q'), t.State));
        Assert.Equal(new PromptSubmit(), t.App.Keymap.Resolve(Key.Of(KeyCode.Enter), t.State));
    }

    [Fact]
    public void ReadOnly_StripsDangerousBindings()
    {
        var dangerous = new Binding("hex", [Key.Ch('W')], new ShowFlash("w"), "Write") { Dangerous = true, ShowInBar = true };
        var normal = new Keymap([dangerous], readOnly: false);
        var readOnly = new Keymap([dangerous], readOnly: true);
        Assert.Single(normal.Bindings);
        Assert.Empty(readOnly.Bindings);
    }

    [Fact]
    public void HintBar_StartsWithTheFocusedPane_AndKeepsAllKeysAndQuitAtTheEnd()
    {
        var t = new TuiHarness();
        var bar = t.App.Keymap.BarFor(t.State).Select(b => b.BarLabel).ToList();
        Assert.Equal("Go to offset", bar[0]);
        Assert.Equal(["All keys", "Quit"], bar.TakeLast(2));
        Assert.StartsWith(" F5/o Go to offset", t.Rows()[23]);
        Assert.EndsWith("?/F1 All keys  q Quit", t.Rows()[23].TrimEnd());
    }

    [Fact]
    public void DisabledBinding_FlashesItsReason()
    {
        var t = new TuiHarness().Open(new byte[64]).Press(Key.Ch('d'));
        Assert.Equal(FlashLevel.Warning, t.State.Flash?.Level);
        Assert.Contains("no comparison open", t.State.Flash?.Text);
    }
}
