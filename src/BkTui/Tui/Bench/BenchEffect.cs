using BkTui.Tui.State;

namespace BkTui.Tui.Bench;

/// <summary>
/// Runs engine work off the UI thread with the <see cref="IBench"/> from the services and posts the
/// actions it returns; a failure becomes an error flash naming what was being done.
/// </summary>
public sealed record BenchEffect(string What, Func<IBench, CancellationToken, IEnumerable<AppAction>> Work) : Effect
{
    public override async Task RunAsync(EffectContext context)
    {
        if (context.Services.Get<IBench>() is not { } bench)
        {
            context.Post(new ShowFlash($"{What}: no bench here (start with bktui demo, or on a bench with adapters)", FlashLevel.Warning));
            return;
        }
        try
        {
            // Not back on the UI thread's context: Post is thread-safe, and a caller that blocks on this task there would deadlock.
            var actions = await Task.Run(() => Work(bench, context.Cancellation).ToList(), context.Cancellation).ConfigureAwait(false);
            foreach (var a in actions) context.Post(a);
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            context.Post(new ShowFlash($"{What}: {e.Message}", FlashLevel.Error, Record: true));
        }
        // Its "…" message (AppReducer.Busy) must not outlive it.
        context.Post(new WorkEnded(What));
    }
}

/// <summary>Dispatches follow-up actions (e.g. jump the hex viewer, then focus it).</summary>
public sealed record PostEffect(params AppAction[] Actions) : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        foreach (var a in Actions) context.Post(a);
        return Task.CompletedTask;
    }
}

/// <summary>Rings the terminal bell (a job needs the user's hands: "reset the device now").</summary>
public sealed record BellEffect : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        context.Services.Get<TerminalBell>()?.Ring();
        return Task.CompletedTask;
    }
}

/// <summary>Writes BEL to the terminal; set up by the launcher with the same stream the frames go to.</summary>
public sealed class TerminalBell(Action ring)
{
    public int Rung { get; private set; }

    public void Ring()
    {
        Rung++;
        ring();
    }
}
