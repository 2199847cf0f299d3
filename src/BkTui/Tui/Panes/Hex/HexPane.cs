using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// The hex viewer's place in the workstation: its number, title and keymap block. The body is drawn
/// by <see cref="Views.Hex.HexDumpView"/> (a Terminal.Gui view laid over the pane), which the
/// actions reach through <see cref="HexViewEffect"/>.
/// </summary>
public sealed class HexPane : Pane<HexState>
{
    public const string PaneIdValue = "hex";
    public const string GotoPurpose = "goto";
    public const string ComparePurpose = "compare";

    public override string Id => PaneIdValue;
    public override string Title => "Hex";
    public override string? SearchLabel => "/ hex bytes or \"text\": ";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new HexMove(Rows: -1), "Up one row"),
        new(Id, [Of(KeyCode.Down), C('j')], new HexMove(Rows: 1), "Down one row"),
        new(Id, [Of(KeyCode.Left), C('h')], new HexMove(Bytes: -1), "Previous byte"),
        new(Id, [Of(KeyCode.Right), C('l')], new HexMove(Bytes: 1), "Next byte"),
        new(Id, [Of(KeyCode.PageUp)], new HexMove(Pages: -1), "Page up"),
        new(Id, [Of(KeyCode.PageDown), C(' ')], new HexMove(Pages: 1), "Page down"),
        new(Id, [Of(KeyCode.Home), C('g')], new HexHome(), "Start of file"),
        new(Id, [Of(KeyCode.End), C('G')], new HexEnd(), "End of file"),
        new(Id, [Of(KeyCode.F5), C('o')], new OpenPrompt(Id, GotoPurpose, "Go to offset (0x11000, 69632, partition name): "), "Go to offset") { ShowInBar = true, Order = 1 },
        new(Id, [C(']')], new HexJumpPartition(1), "Next partition") { ShowInBar = true, Order = 2 },
        new(Id, [C('[')], new HexJumpPartition(-1), "Previous partition"),
        new(Id, [C('n')], new HexFindNext(1), "Next match"),
        new(Id, [C('N')], new HexFindNext(-1), "Previous match"),
        new(Id, [C('m')], new HexToggleBookmark(), "Toggle bookmark") { ShowInBar = true, Order = 3 },
        new(Id, [C('b')], new HexJumpBookmark(1), "Next bookmark"),
        new(Id, [C('B')], new HexJumpBookmark(-1), "Previous bookmark"),
        new(Id, [C('c')], new OpenPrompt(Id, ComparePurpose, "Compare with file: ") { PathField = true }, "Compare with a file") { ShowInBar = true, Order = 4 },
        new(Id, [C('d')], new HexJumpDifference(1), "Next difference") { DisabledReason = NoCompare },
        new(Id, [C('D')], new HexJumpDifference(-1), "Previous difference") { DisabledReason = NoCompare },
        new(Id, [C('x')], new HexCloseCompare(), "Stop comparing") { DisabledReason = NoCompare },
        new(Id, [C('S')], new HexToggleSecrets(), "Show or mask secrets (OpenBeken Wi-Fi/MQTT passwords) for this session"),
    ];

    private static string? NoCompare(AppState s) =>
        s.Panes.TryGetValue(PaneIdValue, out var p) && ((HexState)p).Comparing ? null : "no comparison open (press c)";

    protected override HexState Initial(TuiOptions options) => new();

    protected override string Status(HexState pane) => pane.Status;

    /// <summary>Goto: the dump's partition names that start with what was typed (an offset completes to nothing).</summary>
    protected override IReadOnlyList<string> Completions(HexState pane, string purpose, string text) =>
        purpose == GotoPurpose ? [.. pane.PartitionNames.Where(n => n.StartsWith(text.Trim(), StringComparison.OrdinalIgnoreCase))] : [];

    /// <summary>Nothing: <see cref="Views.Hex.HexDumpView"/> is laid over the body.</summary>
    protected override void Render(PaneView view, HexState pane) { }

    /// <summary>Every action but the title's goes to the viewer (through an effect: the viewer is not state).</summary>
    protected override Transition Reduce(AppState app, HexState pane, PaneAction action, Rect area) => action switch
    {
        HexViewChanged c => With(app, pane with { Status = c.Status, Comparing = c.Comparing }),
        HexPartitionNames n => With(app, pane with { PartitionNames = n.Names }),
        HexOpenFile { EndCompare: true } o => new Transition(app, [new HexViewEffect(new HexCloseCompare()), new OpenHexFileEffect(o.Path, o.AsCompare)]),
        HexOpenFile o => new Transition(app, [new OpenHexFileEffect(o.Path, o.AsCompare)]),
        PromptSubmitted { Purpose: ComparePurpose } p => new Transition(app, [new OpenHexFileEffect(p.Text.Trim(), AsCompare: true)]),
        _ => new Transition(app, [new HexViewEffect(action)]),
    };
}
