using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using BkTui.Tui.Views.Hex;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Partitions;

/// <summary>What the state knows of the partition map: its title text.</summary>
public sealed record PartitionsState(string Status = "no dump");

public abstract record PartitionsAction : PaneAction
{
    public override string PaneId => PartitionsPane.PaneIdValue;
}

public sealed record PartitionsMove(int Delta) : PartitionsAction;
/// <summary>Put the hex viewer's cursor on the selected partition's start and focus it.</summary>
public sealed record PartitionsJump : PartitionsAction;
/// <summary>The selected partition whole (its evidence is cut in the table) in the detail view.</summary>
public sealed record PartitionsShowWhole : PartitionsAction;
/// <summary>The map shown changed (raised by the view, kept for the title).</summary>
public sealed record PartitionsShown(string Status) : PartitionsAction;

/// <summary>
/// The partition map's place in the workstation: number, title and keymap block. The body is drawn by
/// <see cref="PartitionMapPane"/> (a Terminal.Gui view laid over the pane), reached through an effect.
/// </summary>
public sealed class PartitionsPane : Pane<PartitionsState>
{
    public const string PaneIdValue = "partitions";

    public override string Id => PaneIdValue;
    public override string Title => "Partitions";

    public override IEnumerable<Binding> Keys =>
    [
        .. ListKeys.Rows(Id, d => new PartitionsMove(d), "partition"),
        new(Id, [Of(KeyCode.Enter)], new PartitionsJump(), "Show in hex") { ShowInBar = true, Order = 1 },
        new(Id, [C('e')], new PartitionsShowWhole(), "The selected partition whole (its evidence uncut)") { ShowInBar = true, Order = 2, Hint = "Evidence" },
    ];

    protected override PartitionsState Initial(TuiOptions options) => new();

    protected override string Status(PartitionsState pane) => pane.Status;

    protected override Transition Reduce(AppState app, PartitionsState pane, PaneAction action, Rect area) => action switch
    {
        PartitionsShown s => With(app, new PartitionsState(s.Status)),
        PartitionsMove or PartitionsJump or PartitionsShowWhole => new Transition(app, [new PartitionMapEffect((PartitionsAction)action)]),
        _ => app,
    };

    /// <summary>Nothing: <see cref="PartitionMapPane"/> is laid over the body.</summary>
    protected override void Render(PaneView view, PartitionsState pane) { }
}

/// <summary>Hands a move or a jump to the partition map view (a service the workstation registers).</summary>
public sealed record PartitionMapEffect(PartitionsAction Action) : Effect
{
    private static readonly ShowFlash NoMap = new("no partition map: open a dump first ([Archive], :open FILE)", FlashLevel.Warning);

    public override Task RunAsync(EffectContext context)
    {
        var map = context.Services.Get<PartitionMapPane>();
        if (Action is PartitionsMove m) map?.Move(m.Delta);
        else if (Action is PartitionsShowWhole)
        {
            if (map?.SelectedWhole() is { } whole) context.Post(new ShowDetail(whole.Title, whole.Lines));
            else context.Post(NoMap);
        }
        else if (map?.Choose() is false) context.Post(NoMap);
        return Task.CompletedTask;
    }
}
