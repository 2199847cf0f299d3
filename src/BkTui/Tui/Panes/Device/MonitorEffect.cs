using BkTui.Tui.Bench;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Device;

/// <summary>Starts the boot-log monitor on a port; its lines stream back as <see cref="DeviceMonitorLine"/>.</summary>
public sealed record MonitorEffect(string Port) : Effect
{
    public override async Task RunAsync(EffectContext context)
    {
        if (context.Services.Get<IBench>() is not { } bench)
        {
            context.Post(new ShowFlash("monitor: no bench here", FlashLevel.Warning));
            return;
        }
        try
        {
            var handle = await Task.Run(() => bench.Monitor(Port,
                (line, facts) => context.Post(new DeviceMonitorLine(line, facts)),
                reason => context.Post(new DeviceMonitorStopped(reason)))).ConfigureAwait(false);
            context.Post(new DeviceMonitorStarted(Port, handle));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            context.Post(new DeviceFailed(Port, $"cannot listen to {Port}: {e.Message}"));
        }
    }
}
