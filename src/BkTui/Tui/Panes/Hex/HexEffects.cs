using BkTui.Tui.State;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// Opens a file: mapped at once (the viewer shows it in well under a frame), then analysed off the
/// UI thread for its partition map, which arrives as <see cref="HexMapReady"/>.
/// </summary>
public sealed record OpenHexFileEffect(string Path, bool AsCompare) : Effect
{
    public override async Task RunAsync(EffectContext context)
    {
        HexDocument document;
        try
        {
            document = HexDocument.Open(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Post(new ShowFlash($"cannot open {Path}: {e.Message}", FlashLevel.Error, Record: true));
            return;
        }
        context.Post(new HexOpened(document, AsCompare));
        if (AsCompare) return;
        try
        {
            // Not back on the UI thread: Post is thread-safe, and a headless test runs no UI loop.
            var map = await Task.Run(() => HexDocument.Analyse(Path), context.Cancellation).ConfigureAwait(false);
            context.Post(new HexMapReady(document, map));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Post(new ShowFlash($"cannot analyse {Path}: {e.Message}", FlashLevel.Warning));
        }
    }
}

/// <summary>Hands an action to the hex viewer (a service the workstation registers); without one, a document is just released.</summary>
public sealed record HexViewEffect(AppAction Action) : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        if (context.Services.Get<HexDumpView>() is not { } view)
        {
            if (Action is HexOpened o) o.Document.Dispose();
            return Task.CompletedTask;
        }
        switch (Action)
        {
            case HexOpened { AsCompare: true } o: view.Compare(o.Document, o.Warning); break;
            case HexOpened o: view.Load(o.Document); break;
            case HexMapReady m: view.ShowMap(m.Document, m.Map); break;
            case PromptSubmitted p: view.Submit(p.Purpose, p.Text); break;
            default: view.Perform(Action); break;
        }
        return Task.CompletedTask;
    }
}
