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
            // The verdict first: a long line is cut at the message line's end.
            ? new ShowFlash($"{Args[0]} done (exit 0), output in [Log]: '{line}'")
            : new ShowFlash($"{Args[0]} failed with exit code {code}, see [Log]: '{line}'", FlashLevel.Error));
    }
}
