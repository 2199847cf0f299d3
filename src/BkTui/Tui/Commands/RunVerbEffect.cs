using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Tui.Commands;

/// <summary>Runs a CLI verb typed at ':' (on the session's archive) and shows its output in the log.</summary>
public sealed record RunVerbEffect(string[] Args) : Effect
{
    public override async Task RunAsync(EffectContext context)
    {
        var line = string.Join(' ', Args);
        var args = context.Services.Get<SessionArchive>()?.Apply(Args) ?? Args;
        context.Post(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, "$ bktui " + string.Join(' ', args))));
        int code = await CommandRunner.RunAsync(args,
            l => context.Post(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, l))), context.Cancellation);
        context.Post(code == 0
            ? new ShowFlash($"'{line}' done (exit 0) — output in the log")
            : new ShowFlash($"'{line}' failed with exit code {code} — see the log", FlashLevel.Error));
    }
}
