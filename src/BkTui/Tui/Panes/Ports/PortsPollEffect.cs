using BkTui.Tui.Bench;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Ports;

/// <summary>
/// Looks at the ports again, quietly: no message while it runs, and a failure only ends the poll
/// (it would repeat every interval; R reports it).
/// </summary>
public sealed record PortsPollEffect : Effect
{
    public override async Task RunAsync(EffectContext context)
    {
        IReadOnlyList<Core.Serial.PortInfo>? ports = null;
        try
        {
            if (context.Services.Get<IBench>() is { } bench)
                ports = await Task.Run(bench.Ports, context.Cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception) { } // as above: the next R names it
        context.Post(new PortsPolled(ports));
    }
}
